package hotel.booking.query.replay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the live streaming processor of a projection stands, segment by segment, as its tokens in
 * {@code token_entry} say: which stored events its read model reflects. An event belongs to the
 * segment its sequence identifier's hash falls in (the processor's sequencing policy, see
 * {@link RebuildableProjection#sequenceIdentifier}), and is
 * reflected when that segment's token covers its position.
 */
final class LiveTokens {

    private final Map<Segment, GapAwareTrackingToken> tokens;

    private LiveTokens(Map<Segment, GapAwareTrackingToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * Reads the tokens; with {@code forUpdate} the rows stay locked until the transaction ends, so no
     * node's processor can commit a batch of this projection meanwhile.
     */
    static LiveTokens read(Connection connection, Serializer serializer, String processor, boolean forUpdate)
            throws SQLException {
        List<Integer> ids = new ArrayList<>();
        List<TrackingToken> raw = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            statement.setString(1, processor);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                    byte[] token = rs.getBytes(2);
                    String type = rs.getString(3);
                    raw.add(token == null || type == null ? null : serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, (SerializedType) new SimpleSerializedType(type, null))));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new RebuildException("The processor " + processor + " has not started on any node yet");
        }
        int[] all = ids.stream().mapToInt(Integer::intValue).toArray();
        Map<Segment, GapAwareTrackingToken> tokens = new LinkedHashMap<>();
        for (int i = 0; i < all.length; i++) {
            TrackingToken token = raw.get(i);
            if (token != null && !(token instanceof GapAwareTrackingToken)) {
                throw new RebuildException("Segment " + all[i] + " of " + processor + " is at a " + token.getClass().getSimpleName()
                        + " (an Axon replay or a segment merge in progress?); try again when it is done");
            }
            tokens.put(Segment.computeSegment(all[i], all), (GapAwareTrackingToken) token);
        }
        return new LiveTokens(tokens);
    }

    /** Whether the live read model reflects this event. */
    boolean covers(long globalIndex, Object sequenceIdentifier) {
        for (Map.Entry<Segment, GapAwareTrackingToken> entry : tokens.entrySet()) {
            if (entry.getKey().matches(sequenceIdentifier)) {
                GapAwareTrackingToken token = entry.getValue();
                return token != null && globalIndex <= token.getIndex() && !token.getGaps().contains(globalIndex);
            }
        }
        return false;
    }

    /** The position every segment has passed: the events up to it are reflected unless still a gap. */
    long lowest() {
        return tokens.values().stream().mapToLong(token -> token == null ? -1 : token.getIndex()).min().orElse(-1);
    }

    /** The furthest position any segment has reached. */
    long highest() {
        return tokens.values().stream().mapToLong(token -> token == null ? -1 : token.getIndex()).max().orElse(-1);
    }

    /** The segments, and for each how far it got; for telling whether the processor was reset or re-segmented. */
    Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new LinkedHashMap<>();
        tokens.forEach((segment, token) -> positions.put(segment.getSegmentId(), token == null ? -1 : token.getIndex()));
        return positions;
    }
}
