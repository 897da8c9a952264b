package hotel.booking.query.availability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Every query node LISTENs to the change feed and turns each change into a subscription-query
 * update for its own subscribers, whichever node's projection applied it. After a lost connection
 * it reads what it missed from the feed before listening on, so no subscriber hears a hole.
 */
@Component
class ChangeFeedListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedListener.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final ChangeFeed feed;
    private final QueryUpdateEmitter emitter;
    private final Counter delivered;
    private volatile boolean running;
    private volatile long lastDelivered;
    private Thread thread;

    ChangeFeedListener(DataSource dataSource, ChangeFeed feed, QueryUpdateEmitter emitter,
                       ObjectProvider<MeterRegistry> meters) {
        this.dataSource = dataSource;
        this.feed = feed;
        this.emitter = emitter;
        this.delivered = Counter.builder("hotel.availability.changes")
                .description("Availability changes handed to this node's live streams")
                .register(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Override
    public synchronized void start() {
        lastDelivered = feed.position();
        running = true;
        thread = new Thread(this::listen, "availability-feed-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last change handed to subscribers on this node. */
    long lastDelivered() {
        return lastDelivered;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeFeed.CHANNEL);
                }
                feed.after(lastDelivered).forEach(this::deliver);
                backoff = 100;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(ChangeFeed.fromJson(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the availability change feed ({}); reconnecting in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void deliver(AvailabilityChange change) {
        if (change.id() <= lastDelivered) {
            return;
        }
        lastDelivered = change.id();
        delivered.increment();
        emitter.emit(FollowAvailability.class, follow -> follow.query().touches(change), change);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
