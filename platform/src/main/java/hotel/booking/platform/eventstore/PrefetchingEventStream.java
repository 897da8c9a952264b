package hotel.booking.platform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An event stream that says when events arrive. A pooled streaming processor asks its stream to call
 * it back when events are available; the embedded event store's streams cannot, so the processor
 * would look again only every 500 ms (Axon's fixed poll), half a second added to every event's way
 * to the read models and the live stream. This stream reads its source on a thread of its own, which
 * blocks until the store has events, keeps up to {@code capacity} of them, and calls the callback
 * for each. Only that thread touches the source; it closes it when this stream is closed.
 */
final class PrefetchingEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PrefetchingEventStream.class);

    private final BlockingStream<TrackedEventMessage<?>> source;
    private final LinkedBlockingDeque<TrackedEventMessage<?>> buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread reader;
    private volatile Runnable onAvailable = () -> {
    };
    private volatile boolean closed;
    private volatile RuntimeException failure;

    PrefetchingEventStream(BlockingStream<TrackedEventMessage<?>> source, int capacity, String name) {
        this.source = source;
        this.buffer = new LinkedBlockingDeque<>(capacity);
        this.reader = new Thread(this::read, name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (!closed) {
                if (!source.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                TrackedEventMessage<?> event = source.nextAvailable();
                while (!buffer.offer(event, 100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
                signal();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Reading the event stream failed; the processor will see it and reopen", e);
                failure = e;
                signal();
            }
        } finally {
            source.close();
        }
    }

    private void signal() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        onAvailable.run();
    }

    private void throwIfFailed() {
        RuntimeException e = failure;
        if (e != null && buffer.isEmpty()) {
            throw e;
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        throwIfFailed();
        return Optional.ofNullable(buffer.peekFirst());
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        throwIfFailed();
        if (!buffer.isEmpty()) {
            return true;
        }
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (buffer.isEmpty() && left > 0 && failure == null && !closed) {
                left = arrived.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
        throwIfFailed();
        return !buffer.isEmpty();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (true) {
            throwIfFailed();
            TrackedEventMessage<?> event = buffer.pollFirst(100, TimeUnit.MILLISECONDS);
            if (event != null) {
                return event;
            }
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        if (!buffer.isEmpty()) {
            callback.run();
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
