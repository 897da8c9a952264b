package hotel.booking.query.availability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import hotel.booking.api.RoomType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The numbered feed of availability changes behind the live stream. The projection appends in its
 * own transaction and PostgreSQL NOTIFYs every query node on commit, in commit order; a client
 * that reconnects replays from here what it missed, as long as the feed still holds it.
 */
@Component
public class ChangeFeed implements ChangeRecorder {

    public static final String CHANNEL = "availability_change";

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcClient jdbc;

    public ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a change and has it announced to every node when the surrounding transaction commits,
     * in one round trip.
     */
    @Override
    public void record(AvailabilityChange change, Long eventIndex) {
        jdbc.sql("""
                 WITH c AS (
                     INSERT INTO availability_change (kind, room_number, room_type, capacity, nightly_rate,
                                                      from_date, to_date, available, event_index)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *)
                 SELECT pg_notify(?, json_build_object('id', id, 'kind', kind, 'roomNumber', room_number,
                        'roomType', room_type, 'capacity', capacity, 'nightlyRate', nightly_rate, 'from', from_date,
                        'to', to_date, 'available', available)::text)
                 FROM c
                 """)
            .params(change.kind().name(), change.roomNumber(), change.roomType().name(), change.capacity(),
                    change.nightlyRate(), change.from(), change.to(), change.available(), eventIndex, CHANNEL)
            .query().singleRow();
    }

    /** The id of the last change (pruned or not); 0 before the first. Never goes back. */
    public long position() {
        return jdbc.sql("""
                        SELECT greatest(coalesce(max(id), 0), (SELECT pruned_through FROM availability_feed))
                        FROM availability_change
                        """)
                   .query(Long.class).single();
    }

    /**
     * Every change after {@code lastId} that concerns the query, in order; empty when the feed no
     * longer holds them all (pruned, reset) or never had {@code lastId}.
     */
    public Optional<List<AvailabilityChange>> since(long lastId, AvailabilityQuery query, int maxChanges) {
        long prunedThrough = jdbc.sql("SELECT pruned_through FROM availability_feed").query(Long.class).single();
        long position = position();
        if (lastId < prunedThrough || lastId > position || position - lastId > maxChanges) {
            return Optional.empty();
        }
        return Optional.of(after(lastId).stream().filter(query::touches).toList());
    }

    /** Every change after {@code lastId}, in order. */
    public List<AvailabilityChange> after(long lastId) {
        return jdbc.sql("""
                        SELECT id, kind, room_number, room_type, capacity, nightly_rate, from_date, to_date, available
                        FROM availability_change WHERE id > ? ORDER BY id
                        """)
                   .param(lastId)
                   .query(ChangeFeed::change)
                   .list();
    }

    /** Forgets changes recorded before {@code before}; clients resuming from them get a snapshot. */
    public int prune(Instant before) {
        Long through = jdbc.sql("SELECT max(id) FROM availability_change WHERE changed_at < ?")
                           .param(java.sql.Timestamp.from(before)).query(Long.class).optional().orElse(null);
        if (through == null) {
            return 0;
        }
        jdbc.sql("UPDATE availability_feed SET pruned_through = greatest(pruned_through, ?)").param(through).update();
        return jdbc.sql("DELETE FROM availability_change WHERE id <= ?").param(through).update();
    }

    /** After a reset nothing before now can be replayed. */
    void forgetAll() {
        jdbc.sql("UPDATE availability_feed SET pruned_through = greatest(pruned_through, "
                 + "(SELECT coalesce(max(id), 0) FROM availability_change))").update();
        jdbc.sql("DELETE FROM availability_change").update();
    }

    static AvailabilityChange fromJson(String json) {
        try {
            return JSON.readValue(json, AvailabilityChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an availability change: " + json, e);
        }
    }

    private static AvailabilityChange change(ResultSet rs, int row) throws SQLException {
        java.sql.Date from = rs.getDate("from_date");
        java.sql.Date to = rs.getDate("to_date");
        Object available = rs.getObject("available");
        return new AvailabilityChange(rs.getLong("id"), AvailabilityChange.Kind.valueOf(rs.getString("kind")),
                rs.getString("room_number"), RoomType.valueOf(rs.getString("room_type")), rs.getInt("capacity"),
                rs.getBigDecimal("nightly_rate"), from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(), available == null ? null : (Boolean) available);
    }
}
