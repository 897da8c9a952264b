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

    private enum Event { OTHER, SNAPSHOT, AVAILABILITY }

    private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SNAPSHOT = "event: snapshot".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AVAILABILITY = "event: availability".getBytes(StandardCharsets.US_ASCII);

    /**
     * One stream's reading state. Lines are scanned as bytes in a reused buffer: with a thousand
     * streams at 200 changes a second the harness reads 800,000 lines a second on the app's machine,
     * and a string per line took CPU the app then lacked.
     */
    private static final class Subscriber {
        final SocketChannel channel;
        byte[] line = new byte[256];
        int length;
        boolean headersDone;
        boolean ok;
        boolean snapshot;
        long changes;
        long bytesAfterSnapshot;
        long pendingId = -1;
        Event pendingEvent = Event.OTHER;

        Subscriber(SocketChannel channel) {
            this.channel = channel;
        }

        void append(byte b) {
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
        }

        boolean lineIs(byte[] text) {
            return length == text.length && startsWith(text);
        }

        boolean startsWith(byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        long number(int from) {
            long value = 0;
            for (int i = from; i < length; i++) {
                value = value * 10 + (line[i] - '0');
            }
            return value;
        }

        String text() {
            return new String(line, 0, length, StandardCharsets.UTF_8);
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
                byte b = buffer.get();
                if (b == '\n') {
                    line(subscriber, now);
                    subscriber.length = 0;
                } else if (b != '\r') {
                    subscriber.append(b);
                }
            }
        }

        private void line(Subscriber subscriber, long now) {
            if (!subscriber.headersDone) {
                String line = subscriber.text();
                if (line.startsWith("HTTP/")) {
                    subscriber.ok = line.contains(" 200");
                } else if (line.isEmpty()) {
                    subscriber.headersDone = true;
                }
                return;
            }
            if (subscriber.startsWith(ID)) {
                subscriber.pendingId = subscriber.number(ID.length);
            } else if (subscriber.startsWith(EVENT)) {
                subscriber.pendingEvent = subscriber.lineIs(SNAPSHOT) ? Event.SNAPSHOT
                        : subscriber.lineIs(AVAILABILITY) ? Event.AVAILABILITY : Event.OTHER;
            } else if (subscriber.startsWith(DATA)) {
                if (subscriber.pendingEvent == Event.SNAPSHOT) {
                    subscriber.snapshot = true;
                } else if (subscriber.pendingEvent == Event.AVAILABILITY) {
                    subscriber.changes++;
                    Long known = sentAtById.get(subscriber.pendingId);
                    long sentAt = known != null ? known
                            : sentAtById.computeIfAbsent(subscriber.pendingId, id -> firstSeen(subscriber.text(), now));
                    if (sentAt > 0) {
                        synchronized (latencies) {
                            latencies.recordValue(Math.max(0, now - sentAt));
                        }
                    } else {
                        unmatched.incrementAndGet();
                    }
                }
            } else if (subscriber.length == 0) {
                subscriber.pendingEvent = Event.OTHER;
            }
        }
    }

}
