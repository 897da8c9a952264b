package hotel.booking.query.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hotel.booking.api.RoomType;
import hotel.booking.query.availability.AvailabilityChange;
import hotel.booking.query.availability.AvailabilitySnapshot;
import hotel.booking.query.availability.StreamStart;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SseConnectionTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");
    private static final Executor INLINE = Runnable::run;

    private final SseFrames frames = new SseFrames(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private final List<SseConnection> released = new ArrayList<>();

    /** A client socket: takes bytes while "ready", like Tomcat's non-blocking output. */
    static class ClientOutput extends ServletOutputStream {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean ready = true;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
            try {
                writeListener.onWritePossible();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) {
            received.write(b);
        }

        String text() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static AvailabilityChange taken(long id) {
        return new AvailabilityChange(id, AvailabilityChange.Kind.NIGHTS, "101", RoomType.DOUBLE, 2, null, D1,
                D1.plusDays(2), false);
    }

    private static AsyncContext asyncWith(ClientOutput output) throws IOException {
        AsyncContext async = mock(AsyncContext.class);
        ServletResponse response = mock(ServletResponse.class);
        when(async.getResponse()).thenReturn(response);
        when(response.getOutputStream()).thenReturn(output);
        return async;
    }

    private SseConnection connection(int maxBufferedBytes) {
        return new SseConnection(frames, INLINE, maxBufferedBytes, released::add);
    }

    private static StreamStart snapshotAt(long position) {
        return new StreamStart(position, new AvailabilitySnapshot(D1, D1.plusDays(7), position, List.of()), null);
    }

    @Test
    void theClientGetsRetryHintThenSnapshotThenNewerChangesOnly() throws IOException {
        ClientOutput client = new ClientOutput();
        SseConnection connection = connection(1 << 20);
        connection.offer(taken(4));
        connection.offer(taken(6));

        connection.start(asyncWith(client), snapshotAt(5), 3000);
        connection.offer(taken(6));
        connection.offer(taken(7));

        assertThat(client.text()).startsWith("retry: 3000\n\nid: 5\nevent: snapshot\ndata: {");
        assertThat(client.text()).doesNotContain("id: 4\n");
        assertThat(client.text().split("id: 6\n", -1)).as("change 6 exactly once").hasSize(2);
        assertThat(client.text()).endsWith("id: 7\nevent: availability\ndata: "
                + "{\"roomNumber\":\"101\",\"from\":\"2031-01-01\",\"to\":\"2031-01-03\",\"available\":false}\n\n");
    }

    @Test
    void aResumingClientGetsWhatItMissedInsteadOfASnapshot() throws IOException {
        ClientOutput client = new ClientOutput();
        SseConnection connection = connection(1 << 20);

        connection.start(asyncWith(client), new StreamStart(9, null, List.of(taken(8), taken(9))), 3000);

        assertThat(client.text()).doesNotContain("snapshot").contains("id: 8\n", "id: 9\n");
    }

    @Test
    void aClientThatStopsReadingIsCutOffWithoutHoldingUpAnyone() throws IOException {
        ClientOutput slow = new ClientOutput();
        ClientOutput fast = new ClientOutput();
        SseConnection slowConnection = connection(2_000);
        SseConnection fastConnection = connection(2_000);
        AsyncContext slowAsync = asyncWith(slow);
        slowConnection.start(slowAsync, snapshotAt(0), 3000);
        fastConnection.start(asyncWith(fast), snapshotAt(0), 3000);
        slow.ready = false;

        for (long id = 1; id <= 100; id++) {
            slowConnection.offer(taken(id));
            fastConnection.offer(taken(id));
        }

        assertThat(slowConnection.closeReason()).isEqualTo(SseConnection.CloseReason.TOO_SLOW);
        verify(slowAsync).complete();
        assertThat(released).containsExactly(slowConnection);
        assertThat(fast.text()).contains("id: 100\n");
        assertThat(fastConnection.isClosed()).isFalse();
    }

    @Test
    void whatQueuedWhileTheClientWasBusyIsWrittenWhenItCanTakeMore() throws IOException {
        ClientOutput client = new ClientOutput();
        SseConnection connection = connection(1 << 20);
        connection.start(asyncWith(client), snapshotAt(0), 3000);
        client.ready = false;
        connection.offer(taken(1));
        assertThat(client.text()).doesNotContain("id: 1\n");

        client.ready = true;
        client.listener.onWritePossible();

        assertThat(client.text()).contains("id: 1\n");
    }

    @Test
    void handingOutAChangeNeverWaitsForASocketWriteInProgress() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClientOutput client = new ClientOutput() {
            volatile boolean stall;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (stall) {
                    stall = false;
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                super.write(b, off, len);
            }

            @Override
            public void setWriteListener(WriteListener writeListener) {
                super.setWriteListener(writeListener);
                stall = true;
            }
        };
        ExecutorService writers = Executors.newSingleThreadExecutor();
        try {
            SseConnection connection = new SseConnection(frames, writers, 1 << 20, released::add);
            connection.start(asyncWith(client), snapshotAt(0), 3000);
            connection.offer(taken(1));
            assertThat(writing.await(5, TimeUnit.SECONDS)).as("a writer is inside a socket write").isTrue();

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> connection.offer(taken(2)),
                    "offer waited for the writer");

            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> client.text().contains("id: 2\n"));
            assertThat(client.text().indexOf("id: 1\n")).isLessThan(client.text().indexOf("id: 2\n"));
        } finally {
            release.countDown();
            writers.shutdownNow();
        }
    }

    @Test
    void whatWaitsIsWrittenInOneGo() throws IOException {
        List<Integer> writes = new ArrayList<>();
        ClientOutput client = new ClientOutput() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        SseConnection connection = connection(1 << 20);
        connection.start(asyncWith(client), snapshotAt(0), 3000);
        client.ready = false;
        for (long id = 1; id <= 5; id++) {
            connection.offer(taken(id));
        }
        writes.clear();

        client.ready = true;
        client.listener.onWritePossible();

        assertThat(writes).hasSize(1);
        assertThat(client.text()).contains("id: 1\n", "id: 5\n");
    }

    @Test
    void aStreamClosedBeforeItStartedEndsTheRequestAtOnce() throws IOException {
        SseConnection connection = connection(1 << 20);
        connection.close(SseConnection.CloseReason.SHUTDOWN, SseFrames.retry(500));
        AsyncContext async = asyncWith(new ClientOutput());

        connection.start(async, snapshotAt(0), 3000);

        verify(async).complete();
        assertThat(released).containsExactly(connection);
    }

    @Test
    void onShutdownTheClientIsToldToReconnectSoonAndTheStreamEnds() throws IOException {
        ClientOutput client = new ClientOutput();
        SseConnection connection = connection(1 << 20);
        AsyncContext async = asyncWith(client);
        connection.start(async, snapshotAt(0), 3000);

        connection.close(SseConnection.CloseReason.SHUTDOWN, SseFrames.retry(500));

        assertThat(client.text()).endsWith("retry: 500\n\n");
        verify(async).complete();
        assertThat(released).containsExactly(connection);
    }

    @Test
    void aWriteErrorMeansTheClientIsGone() throws IOException {
        ClientOutput broken = new ClientOutput() {
            @Override
            public void write(byte[] b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        SseConnection connection = connection(1 << 20);
        connection.start(asyncWith(broken), snapshotAt(0), 3000);

        assertThat(connection.closeReason()).isEqualTo(SseConnection.CloseReason.CLIENT_GONE);
        assertThat(released).containsExactly(connection);
    }

    @Test
    void heartbeatsGoOutOnlyWhenNothingElseIsWaiting() throws IOException {
        ClientOutput client = new ClientOutput();
        SseConnection connection = connection(1 << 20);
        connection.start(asyncWith(client), snapshotAt(0), 3000);

        connection.heartbeat();

        assertThat(client.text()).endsWith(": keep-alive\n\n");
    }
}
