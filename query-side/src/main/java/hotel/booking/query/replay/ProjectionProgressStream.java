package hotel.booking.query.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The projections' progress as Server-Sent Events, for every analyst watching on this node. One
 * poller reads the statuses (which the rebuilding node, whichever it is, keeps in the database)
 * every {@code hotel.replay.progress-interval} while anyone watches and sends each projection whose
 * status changed; a comment line every {@code hotel.stream.heartbeat} keeps idle streams open and
 * finds clients that went away. Streams have no time limit; a closed or failed one is dropped at once.
 */
@Component
class ProjectionProgressStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProgressStream.class);

    private final ProjectionRebuilds rebuilds;
    private final ObjectMapper json;
    private final Duration interval;
    private final Duration heartbeat;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final Map<String, String> last = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private ScheduledExecutorService poller;
    private volatile boolean running;

    ProjectionProgressStream(ProjectionRebuilds rebuilds, ObjectMapper json,
                             @Value("${hotel.replay.progress-interval:500ms}") Duration interval,
                             @Value("${hotel.stream.heartbeat:15s}") Duration heartbeat) {
        this.rebuilds = rebuilds;
        this.json = json;
        this.interval = interval;
        this.heartbeat = heartbeat;
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> open.remove(emitter));
        emitter.onTimeout(() -> open.remove(emitter));
        emitter.onError(error -> open.remove(emitter));
        List<ProjectionStatus> statuses = rebuilds.statuses();
        try {
            emitter.send(SseEmitter.event().reconnectTime(3_000).id(Long.toString(ids.incrementAndGet()))
                                 .name("projections").data(json.writeValueAsString(statuses), MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        open.add(emitter);
        return emitter;
    }

    int size() {
        return open.size();
    }

    private synchronized void poll() {
        if (open.isEmpty()) {
            last.clear();
            return;
        }
        try {
            for (ProjectionStatus status : rebuilds.statuses()) {
                String data = json.writeValueAsString(status);
                if (!data.equals(last.put(status.name(), data))) {
                    String id = Long.toString(ids.incrementAndGet());
                    send(() -> SseEmitter.event().id(id).name("projection").data(data, MediaType.APPLICATION_JSON));
                }
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Could not read the projections' progress: {}", e.getMessage());
        }
    }

    private void heartbeat() {
        send(() -> SseEmitter.event().comment("keep-alive"));
    }

    /** A builder per stream: a built event cannot be sent twice. */
    private void send(Supplier<SseEmitter.SseEventBuilder> event) {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(event.get());
            } catch (IOException | IllegalStateException e) {
                // the client went away: the container completes the emitter; forget it now
                open.remove(emitter);
            }
        }
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-progress");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        poller.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the live streams, before the web server waits for open requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
