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
 * <p>
 * Two locks: {@code queue} guards what waits to be written and is only ever held for a moment, so
 * whoever hands out changes never waits for a socket; {@code output} lets one thread at a time write
 * (a pooled writer, or the container calling back when the client can take more), and is taken
 * before {@code queue}, never after. Whatever waits is written in one go, as one socket write.
 */
final class SseConnection implements WriteListener, AsyncListener {

    enum CloseReason { CLIENT_GONE, TOO_SLOW, SHUTDOWN, ERROR }

    private final SseFrames frames;
    private final Executor writers;
    private final int maxBufferedBytes;
    private final Consumer<SseConnection> onClose;

    private final Object output = new Object();
    private final Object queue = new Object();

    // guarded by queue
    private final ArrayDeque<byte[]> frameQueue = new ArrayDeque<>();
    private final List<AvailabilityChange> early = new ArrayList<>();
    private int queuedBytes;
    private boolean started;
    private boolean closed;
    private boolean drainScheduled;
    private long lastSentId;
    private CloseReason closeReason;

    // guarded by output
    private AsyncContext async;
    private ServletOutputStream out;

    SseConnection(SseFrames frames, Executor writers, int maxBufferedBytes, Consumer<SseConnection> onClose) {
        this.frames = frames;
        this.writers = writers;
        this.maxBufferedBytes = maxBufferedBytes;
        this.onClose = onClose;
    }

    /** A change for this client: sent when newer than what it already has. Never waits for the client. */
    void offer(AvailabilityChange change) {
        boolean tooSlow;
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (!started) {
                early.add(change);
                return;
            }
            if (!send(change)) {
                return;
            }
            tooSlow = queuedBytes > maxBufferedBytes;
            if (!tooSlow && !claimDrain()) {
                return;
            }
        }
        if (tooSlow) {
            close(CloseReason.TOO_SLOW, null);
        } else {
            writers.execute(this::scheduledDrain);
        }
    }

    /** Begins the stream: headers were set by the caller; the client gets its start, then the changes. */
    void start(AsyncContext async, StreamStart start, long retryMillis) throws IOException {
        synchronized (output) {
            this.async = async;
            this.out = async.getResponse().getOutputStream();
            async.addListener(this);
            synchronized (queue) {
                if (closed) {
                    completeQuietly();
                    return;
                }
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
            }
            out.setWriteListener(this);
        }
    }

    void heartbeat() {
        synchronized (queue) {
            if (!started || closed || !frameQueue.isEmpty()) {
                return;
            }
            enqueue(SseFrames.HEARTBEAT);
            if (!claimDrain()) {
                return;
            }
        }
        writers.execute(this::scheduledDrain);
    }

    /** Ends the stream, first suggesting when to reconnect (to another node, on shutdown). */
    void close(CloseReason reason, byte[] lastWords) {
        synchronized (output) {
            boolean sayGoodbye;
            synchronized (queue) {
                if (closed) {
                    return;
                }
                sayGoodbye = lastWords != null && started;
                if (sayGoodbye) {
                    frameQueue.clear();
                    queuedBytes = 0;
                    enqueue(lastWords);
                }
            }
            if (sayGoodbye) {
                drain();
            }
            closeNow(reason);
        }
    }

    CloseReason closeReason() {
        synchronized (queue) {
            return closeReason;
        }
    }

    boolean isClosed() {
        synchronized (queue) {
            return closed;
        }
    }

    /** Queues a change's frame unless the client has it already; true when queued. Holds {@code queue}. */
    private boolean send(AvailabilityChange change) {
        if (change.id() <= lastSentId) {
            return false;
        }
        lastSentId = change.id();
        enqueue(frames.change(change));
        return true;
    }

    private void enqueue(byte[] frame) {
        frameQueue.add(frame);
        queuedBytes += frame.length;
    }

    /** True when the caller is to hand a drain to the writers: none is waiting yet. Holds {@code queue}. */
    private boolean claimDrain() {
        if (!started || closed || drainScheduled) {
            return false;
        }
        drainScheduled = true;
        return true;
    }

    private void scheduledDrain() {
        synchronized (output) {
            synchronized (queue) {
                drainScheduled = false;
            }
            drain();
        }
    }

    /**
     * Writes what waits without blocking, all of it at once; the container calls back when the client
     * can take more. Holds {@code output}.
     */
    private void drain() {
        if (out == null) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] waiting;
                synchronized (queue) {
                    if (closed) {
                        return;
                    }
                    waiting = takeAll();
                }
                if (waiting == null) {
                    out.flush();
                    return;
                }
                out.write(waiting);
            }
        } catch (IOException | IllegalStateException e) {
            closeNow(CloseReason.CLIENT_GONE);
        }
    }

    /** Everything queued as one array, or null when nothing is. Holds {@code queue}. */
    private byte[] takeAll() {
        if (frameQueue.size() <= 1) {
            queuedBytes = 0;
            return frameQueue.poll();
        }
        byte[] all = new byte[queuedBytes];
        int at = 0;
        for (byte[] frame : frameQueue) {
            System.arraycopy(frame, 0, all, at, frame.length);
            at += frame.length;
        }
        frameQueue.clear();
        queuedBytes = 0;
        return all;
    }

    /** Holds {@code output}. */
    private void closeNow(CloseReason reason) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            frameQueue.clear();
            early.clear();
            queuedBytes = 0;
        }
        completeQuietly();
        onClose.accept(this);
    }

    private void completeQuietly() {
        if (async != null) {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the container ended it first
            }
        }
    }

    @Override
    public void onWritePossible() {
        synchronized (output) {
            drain();
        }
    }

    @Override
    public void onError(Throwable t) {
        clientGone();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        clientGone();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        clientGone();
    }

    @Override
    public void onError(AsyncEvent event) {
        clientGone();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private void clientGone() {
        synchronized (output) {
            closeNow(CloseReason.CLIENT_GONE);
        }
    }
}
