package hotel.booking.query.stream;

import hotel.booking.query.availability.AvailabilityChange;
import hotel.booking.query.availability.StreamStart;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One client's stream. Frames queue up here and are written with non-blocking servlet I/O by a
 * shared pool of writers, so a slow client never holds a thread or delays anybody else; one that
 * falls more than {@code maxBufferedBytes} behind is cut off and resumes with Last-Event-ID.
 * Changes that arrive before the start is known are held back and sorted out against its position.
 */
final class SseConnection implements WriteListener, AsyncListener {

    enum CloseReason { CLIENT_GONE, TOO_SLOW, SHUTDOWN, ERROR }

    private final SseFrames frames;
    private final Executor writers;
    private final int maxBufferedBytes;
    private final Consumer<SseConnection> onClose;

    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<AvailabilityChange> early = new ArrayList<>();
    private int queuedBytes;
    private boolean started;
    private boolean closed;
    private boolean drainScheduled;
    private long lastSentId;
    private AsyncContext async;
    private ServletOutputStream out;
    private CloseReason closeReason;

    SseConnection(SseFrames frames, Executor writers, int maxBufferedBytes, Consumer<SseConnection> onClose) {
        this.frames = frames;
        this.writers = writers;
        this.maxBufferedBytes = maxBufferedBytes;
        this.onClose = onClose;
    }

    /** A change for this client: sent when newer than what it already has. */
    synchronized void offer(AvailabilityChange change) {
        if (closed) {
            return;
        }
        if (!started) {
            early.add(change);
            return;
        }
        send(change);
    }

    /** Begins the stream: headers were set by the caller; the client gets its start, then the changes. */
    synchronized void start(AsyncContext async, StreamStart start, long retryMillis) throws IOException {
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        async.addListener(this);
        enqueue(SseFrames.retry(retryMillis));
        if (start.isResumed()) {
            start.missed().forEach(this::send);
        } else {
            enqueue(frames.snapshot(start.snapshot()));
        }
        lastSentId = Math.max(lastSentId, start.position());
        started = true;
        early.forEach(this::send);
        early.clear();
        out.setWriteListener(this);
    }

    synchronized void heartbeat() {
        if (started && !closed && queue.isEmpty()) {
            enqueue(SseFrames.HEARTBEAT);
            scheduleDrain();
        }
    }

    /** Ends the stream, first suggesting when to reconnect (to another node, on shutdown). */
    synchronized void close(CloseReason reason, byte[] lastWords) {
        if (closed) {
            return;
        }
        if (lastWords != null && started) {
            queue.clear();
            enqueue(lastWords);
            drain();
        }
        closeNow(reason);
    }

    synchronized CloseReason closeReason() {
        return closeReason;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void send(AvailabilityChange change) {
        if (change.id() <= lastSentId) {
            return;
        }
        lastSentId = change.id();
        enqueue(frames.change(change));
        if (queuedBytes > maxBufferedBytes) {
            closeNow(CloseReason.TOO_SLOW);
            return;
        }
        scheduleDrain();
    }

    private void enqueue(byte[] frame) {
        queue.add(frame);
        queuedBytes += frame.length;
    }

    private void scheduleDrain() {
        if (!started || drainScheduled || closed) {
            return;
        }
        drainScheduled = true;
        writers.execute(() -> {
            synchronized (this) {
                drainScheduled = false;
                drain();
            }
        });
    }

    /** Writes what it can without blocking; the container calls back when the client can take more. */
    private void drain() {
        if (closed || out == null) {
            return;
        }
        try {
            while (!queue.isEmpty() && out.isReady()) {
                byte[] frame = queue.poll();
                queuedBytes -= frame.length;
                out.write(frame);
            }
            if (queue.isEmpty() && out.isReady()) {
                out.flush();
            }
        } catch (IOException | IllegalStateException e) {
            closeNow(CloseReason.CLIENT_GONE);
        }
    }

    private void closeNow(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        closeReason = reason;
        queue.clear();
        queuedBytes = 0;
        if (async != null) {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the container ended it first
            }
        }
        onClose.accept(this);
    }

    @Override
    public synchronized void onWritePossible() {
        drain();
    }

    @Override
    public synchronized void onError(Throwable t) {
        closeNow(CloseReason.CLIENT_GONE);
    }

    @Override
    public synchronized void onComplete(AsyncEvent event) {
        closeNow(CloseReason.CLIENT_GONE);
    }

    @Override
    public synchronized void onTimeout(AsyncEvent event) {
        closeNow(CloseReason.CLIENT_GONE);
    }

    @Override
    public synchronized void onError(AsyncEvent event) {
        closeNow(CloseReason.CLIENT_GONE);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
