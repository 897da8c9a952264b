package hotel.booking.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;


/**
 * Thousands of Server-Sent Event subscribers on a few selector threads, cheap enough to sit in the
 * same machine as the app. Each change is recognised by its id; the first subscriber to see an id
 * reads its data to learn which booking it was, everyone else only reads the id line.
 */
final class SseFleet implements AutoCloseable {

    /** For a change's data line: the send time of the booking it reports, or -1 when not one of ours. */
    interface Origin {
        long sentAtNanos(String dataLine);
    }

    private static final class Subscriber {
        final SocketChannel channel;
        final StringBuilder line = new StringBuilder();
        boolean headersDone;
        boolean ok;
        boolean snapshot;
        long changes;
        long bytesAfterSnapshot;
        long pendingId = -1;
        String pendingEvent;

        Subscriber(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private final List<Loop> loops = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Map<Long, Long> sentAtById = new ConcurrentHashMap<>();
    private final Origin origin;
    private final AtomicLong unmatched = new AtomicLong();
    private final Histogram firstSeen = new Histogram(3);

    private SseFleet(int threads, Origin origin) throws IOException {
        this.origin = origin;
        for (int i = 0; i < threads; i++) {
            Loop loop = new Loop(Selector.open(), "sse-fleet-" + i);
            loops.add(loop);
            loop.thread.start();
        }
    }

    /** Opens {@code count} streams in batches and returns once every one has its snapshot. */
    static SseFleet open(String host, int port, String path, int count, int threads, Origin origin,
                         Duration patience) throws IOException {
        SseFleet fleet = new SseFleet(threads, origin);
        byte[] request = ("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + patience.toNanos();
        for (int opened = 0; opened < count; opened++) {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(new InetSocketAddress(host, port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            Subscriber subscriber = new Subscriber(channel);
            fleet.subscribers.add(subscriber);
            fleet.loops.get(opened % threads).add(subscriber);
            if (opened % 200 == 199) {
                fleet.awaitSnapshots(opened + 1, deadline);
            }
        }
        fleet.awaitSnapshots(count, deadline);
        return fleet;
    }

    private void awaitSnapshots(int expected, long deadline) {
        while (snapshots() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + snapshots() + " of " + expected + " streams opened in time");
            }
            AppUnderTest.sleep(5);
        }
    }

    long snapshots() {
        return subscribers.stream().filter(s -> s.snapshot).count();
    }

    long connected() {
        return subscribers.stream().filter(s -> s.ok && s.channel.isOpen()).count();
    }

    long changesReceived() {
        return subscribers.stream().mapToLong(s -> s.changes).sum();
    }

    long minChangesPerSubscriber() {
        return subscribers.stream().mapToLong(s -> s.changes).min().orElse(0);
    }

    long bytesAfterSnapshot() {
        return subscribers.stream().mapToLong(s -> s.bytesAfterSnapshot).sum();
    }

    long unmatched() {
        return unmatched.get();
    }

    int size() {
        return subscribers.size();
    }

    Histogram latencies() {
        Histogram all = new Histogram(3);
        loops.forEach(loop -> {
            synchronized (loop.latencies) {
                all.add(loop.latencies);
            }
        });
        return all;
    }

    /** For each change, from its booking's send to the first subscriber that read it: the app's own delay. */
    Histogram firstSubscriberLatencies() {
        synchronized (firstSeen) {
            return firstSeen.copy();
        }
    }

    void resetLatencies() {
        loops.forEach(loop -> {
            synchronized (loop.latencies) {
                loop.latencies.reset();
            }
        });
        synchronized (firstSeen) {
            firstSeen.reset();
        }
    }

    private long firstSeen(String dataLine, long now) {
        long sentAt = origin.sentAtNanos(dataLine);
        if (sentAt > 0) {
            synchronized (firstSeen) {
                firstSeen.recordValue(Math.max(0, now - sentAt));
            }
        }
        return sentAt;
    }

    @Override
    public void close() {
        loops.forEach(Loop::stop);
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final class Loop implements Runnable {
        final Selector selector;
        final Thread thread;
        final Histogram latencies = new Histogram(3);
        final List<Subscriber> incoming = new ArrayList<>();
        final ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        volatile boolean running = true;

        Loop(Selector selector, String name) {
            this.selector = selector;
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
        }

        void add(Subscriber subscriber) {
            synchronized (incoming) {
                incoming.add(subscriber);
            }
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(100);
                    synchronized (incoming) {
                        for (Subscriber subscriber : incoming) {
                            subscriber.channel.register(selector, SelectionKey.OP_READ, subscriber);
                        }
                        incoming.clear();
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        read((Subscriber) key.attachment(), key);
                    }
                    selector.selectedKeys().clear();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private void read(Subscriber subscriber, SelectionKey key) throws IOException {
            buffer.clear();
            int read;
            try {
                read = subscriber.channel.read(buffer);
            } catch (IOException e) {
                read = -1;
            }
            if (read < 0) {
                key.cancel();
                subscriber.channel.close();
                return;
            }
            long now = System.nanoTime();
            buffer.flip();
            if (subscriber.snapshot) {
                subscriber.bytesAfterSnapshot += read;
            }
            while (buffer.hasRemaining()) {
                char c = (char) buffer.get();
                if (c == '\n') {
                    line(subscriber, subscriber.line.toString(), now);
                    subscriber.line.setLength(0);
                } else if (c != '\r') {
                    subscriber.line.append(c);
                }
            }
        }

        private void line(Subscriber subscriber, String line, long now) {
            if (!subscriber.headersDone) {
                if (line.startsWith("HTTP/")) {
                    subscriber.ok = line.contains(" 200");
                } else if (line.isEmpty()) {
                    subscriber.headersDone = true;
                }
                return;
            }
            if (line.startsWith("id: ")) {
                subscriber.pendingId = Long.parseLong(line.substring(4));
            } else if (line.startsWith("event: ")) {
                subscriber.pendingEvent = line.substring(7);
            } else if (line.startsWith("data: ")) {
                if ("snapshot".equals(subscriber.pendingEvent)) {
                    subscriber.snapshot = true;
                } else if ("availability".equals(subscriber.pendingEvent)) {
                    subscriber.changes++;
                    long sentAt = sentAtById.computeIfAbsent(subscriber.pendingId, id -> firstSeen(line, now));
                    if (sentAt > 0) {
                        synchronized (latencies) {
                            latencies.recordValue(Math.max(0, now - sentAt));
                        }
                    } else {
                        unmatched.incrementAndGet();
                    }
                }
            } else if (line.isEmpty()) {
                subscriber.pendingEvent = null;
            }
        }
    }

}
