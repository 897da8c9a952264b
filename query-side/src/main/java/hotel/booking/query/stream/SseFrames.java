package hotel.booking.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.query.availability.AvailabilityChange;
import hotel.booking.query.availability.NightAvailability;
import hotel.booking.query.availability.AvailabilitySnapshot;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of Server-Sent Events. A change is rendered once and the same bytes go to every
 * subscriber it concerns; only snapshots, which depend on each subscriber's range, are per client.
 */
@Component
class SseFrames {

    static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final int REMEMBERED = 4096;

    private final ObjectMapper json;
    private final Map<Long, byte[]> changes = new ConcurrentHashMap<>();
    private volatile long newest;
    private volatile Rendered latest;

    /** The change most recently asked for: it is asked for once per stream, one after another. */
    private record Rendered(long id, byte[] frame) {
    }

    SseFrames(ObjectMapper json) {
        this.json = json;
    }

    static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] snapshot(AvailabilitySnapshot snapshot) {
        return frame(snapshot.position(), "snapshot", snapshot);
    }

    byte[] change(AvailabilityChange change) {
        Rendered seen = latest;
        if (seen != null && seen.id() == change.id()) {
            return seen.frame();
        }
        byte[] frame = changes.computeIfAbsent(change.id(), id -> render(change));
        latest = new Rendered(change.id(), frame);
        if (change.id() > newest) {
            newest = change.id();
        }
        if (changes.size() > 2 * REMEMBERED) {
            long oldestKept = newest - REMEMBERED;
            changes.keySet().removeIf(id -> id <= oldestKept);
        }
        return frame;
    }

    private byte[] render(AvailabilityChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roomNumber", change.roomNumber());
        if (change.isRoom()) {
            data.put("type", change.roomType());
            data.put("capacity", change.capacity());
            data.put("nightlyRate", change.nightlyRate());
            return frame(change.id(), "room", data);
        }
        data.put("from", change.from());
        data.put("to", change.to());
        data.put("available", change.available());
        if (change.isOutOfService()) {
            data.put("status", NightAvailability.OUT_OF_SERVICE);
        }
        return frame(change.id(), "availability", data);
    }

    private byte[] frame(long id, String event, Object data) {
        try {
            return ("id: " + id + "\nevent: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
