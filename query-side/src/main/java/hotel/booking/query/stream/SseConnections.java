package hotel.booking.query.stream;

import hotel.booking.query.availability.AvailabilityChange;
import hotel.booking.query.availability.StreamStart;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open streams of this node: it ties each to its subscription query and releases that the
 * moment the stream ends, sends the heartbeats, and on shutdown closes every stream with a short
 * reconnect hint before the web server starts waiting for requests to finish.
 */
@Component
class SseConnections implements SmartLifecycle {

    private final SseFrames frames;
    private final StreamSettings settings;
    private final Map<SseConnection, Runnable> open = new ConcurrentHashMap<>();
    private final ExecutorService writers;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean running;

    SseConnections(SseFrames frames, StreamSettings settings, ObjectProvider<MeterRegistry> meters) {
        this.frames = frames;
        this.settings = settings;
        this.writers = Executors.newFixedThreadPool(settings.writerThreads(), daemon("sse-writer"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeat"));
        meters.ifAvailable(registry -> Gauge.builder("hotel.sse.connections", open, Map::size)
                .description("Open Server-Sent Event streams on this node").register(registry));
    }

    /**
     * A stream for a subscription that is already registered: its updates are taken from now on,
     * held back until {@link SseConnection#start} knows where the client starts.
     */
    SseConnection open(SubscriptionQueryResult<StreamStart, AvailabilityChange> subscription) {
        SseConnection connection = new SseConnection(frames, writers, settings.maxBufferedBytes(), this::release);
        Disposable updates = subscription.updates().subscribe(connection::offer,
                error -> connection.close(SseConnection.CloseReason.ERROR, null),
                () -> connection.close(SseConnection.CloseReason.SHUTDOWN, null));
        open.put(connection, () -> {
            updates.dispose();
            subscription.cancel();
        });
        if (connection.isClosed()) {
            release(connection);
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
        Runnable cancel = open.remove(connection);
        if (cancel != null) {
            cancel.run();
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
