package hotel.booking.query.stream;

import hotel.booking.query.availability.AvailabilityChange;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.FollowAvailability;
import hotel.booking.query.availability.StreamStart;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open streams of this node. Streams that follow the same query share one subscription query,
 * so a change is matched and emitted once per distinct query on the node rather than once per
 * browser, and handed from there to each stream; the subscription ends with the last stream that
 * follows it. It also sends the heartbeats, and on shutdown closes every stream with a short
 * reconnect hint before the web server starts waiting for requests to finish.
 */
@Component
class SseConnections implements SmartLifecycle {

    private static final int UPDATE_BUFFER = 64;

    private final SseFrames frames;
    private final StreamSettings settings;
    private final QueryGateway queries;
    private final Map<SseConnection, AvailabilityQuery> open = new ConcurrentHashMap<>();
    private final Map<AvailabilityQuery, Followers> following = new ConcurrentHashMap<>();
    private final ExecutorService writers;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running;

    SseConnections(SseFrames frames, StreamSettings settings, QueryGateway queries,
                   ObjectProvider<MeterRegistry> meters) {
        this.frames = frames;
        this.settings = settings;
        this.queries = queries;
        this.writers = Executors.newFixedThreadPool(settings.writerThreads(), daemon("sse-writer"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeat"));
        meters.ifAvailable(registry -> {
            Gauge.builder("hotel.sse.connections", open, Map::size)
                    .description("Open Server-Sent Event streams on this node").register(registry);
            Gauge.builder("hotel.sse.subscriptions", following, Map::size)
                    .description("Subscription queries behind this node's streams, one per distinct query")
                    .register(registry);
        });
    }

    /**
     * A stream for {@code query} that takes the query's changes from now on, held back until
     * {@link SseConnection#start} knows where the client starts: the subscription is in place before
     * the caller reads that start.
     */
    SseConnection open(AvailabilityQuery query) {
        SseConnection connection = new SseConnection(frames, writers, settings.maxBufferedBytes(), this::release);
        open.put(connection, query);
        Followers followers = following.compute(query, (q, existing) -> {
            Followers joined = existing != null ? existing : new Followers(q);
            joined.streams.add(connection);
            return joined;
        });
        try {
            followers.subscribeOnce();
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
        return connection;
    }

    int size() {
        return open.size();
    }

    long retryMillis() {
        return settings.retry().toMillis();
    }

    private void release(SseConnection connection) {
        AvailabilityQuery query = open.remove(connection);
        if (query == null) {
            return;
        }
        following.computeIfPresent(query, (q, followers) -> {
            followers.streams.remove(connection);
            if (!followers.streams.isEmpty()) {
                return followers;
            }
            followers.cancel();
            return null;
        });
    }

    /** One subscription query and the streams that follow it; the first stream to join subscribes. */
    private final class Followers {
        final AvailabilityQuery query;
        final Set<SseConnection> streams = ConcurrentHashMap.newKeySet();
        private SubscriptionQueryResult<StreamStart, AvailabilityChange> subscription;
        private Disposable updates;
        private boolean cancelled;

        Followers(AvailabilityQuery query) {
            this.query = query;
        }

        /** Returns once the subscription is registered, so the caller may read its start. */
        synchronized void subscribeOnce() {
            if (subscription != null || cancelled) {
                return;
            }
            subscription = queries.subscriptionQuery(FollowAvailability.class.getName(),
                    new FollowAvailability(query, null), ResponseTypes.instanceOf(StreamStart.class),
                    ResponseTypes.instanceOf(AvailabilityChange.class), UPDATE_BUFFER);
            updates = subscription.updates().subscribe(
                    change -> streams.forEach(stream -> stream.offer(change)),
                    error -> end(SseConnection.CloseReason.ERROR),
                    () -> end(SseConnection.CloseReason.SHUTDOWN));
        }

        /** The subscription itself ended: nobody joins it any more, and its streams close (clients come back). */
        private void end(SseConnection.CloseReason reason) {
            following.remove(query, this);
            streams.forEach(stream -> stream.close(reason, null));
            cancel();
        }

        synchronized void cancel() {
            cancelled = true;
            if (updates != null) {
                updates.dispose();
            }
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    @Override
    public void start() {
        long period = settings.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(() -> open.keySet().forEach(SseConnection::heartbeat),
                period, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byte[] moveOn = SseFrames.retry(settings.retryOnShutdown().toMillis());
        open.keySet().forEach(connection -> connection.close(SseConnection.CloseReason.SHUTDOWN, moveOn));
        heartbeats.shutdownNow();
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for every open stream. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
