package hotel.booking.query.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The booking history as the event store holds it, in its global order, for auditors. Reads go
 * straight to {@code domain_event_entry}: no projection stands between an auditor and the record.
 * Guests' personal data is shown opened with the guest's key, or erased ({@link HistoryGuests}).
 */
@Component
public class AuditLog {

    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Duration settleTime;
    private final HistoryGuests guests;

    public AuditLog(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                    @Value("${hotel.audit.gap-settle-time:10s}") Duration settleTime, HistoryGuests guests) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.settleTime = settleTime;
        this.guests = guests;
    }

    public AuditPage page(long after, int limit) {
        SettledPrefix prefix = settledAfter(after);
        List<AuditEvent> events = shown(jdbc.query(afterPosition(), StoredEvents.ROW, after, limit).stream()
                                            .takeWhile(prefix::admits)
                                            .toList());
        return new AuditPage(after, limit, prefix.last(), events);
    }

    /**
     * Hands every event after {@code after} (at most {@code limit}) to {@code sink}, one at a time,
     * through a database cursor: memory stays flat however long the history.
     */
    public void stream(long after, long limit, Consumer<AuditEvent> sink) {
        SettledPrefix prefix = settledAfter(after);
        readOnly.executeWithoutResult(transaction -> {
            try (Stream<AuditEvent> events = jdbc.queryForStream(afterPosition(), StoredEvents.ROW, after, limit)) {
                HistoryGuests.Erasures erasures = guests.erasures();
                events.takeWhile(prefix::admits).map(event -> guests.shown(event, erasures)).forEach(sink);
            }
        });
    }

    /** Every event of a room, in the order the room decided them; empty for a room that does not exist. */
    public List<AuditEvent> roomHistory(String roomNumber) {
        return shown(jdbc.query(StoredEvents.select("""
                          WHERE aggregate_identifier = ?
                          ORDER BY sequence_number"""), StoredEvents.ROW, roomNumber));
    }

    /**
     * The events that concern one reservation, in order: those of the room that holds it and, when
     * it moved, of every room it was in (named by its moves).
     */
    public List<AuditEvent> reservationHistory(String roomNumber, UUID reservationId) {
        java.util.Set<String> rooms = new java.util.LinkedHashSet<>(List.of(roomNumber));
        while (true) {
            List<AuditEvent> events = jdbc.query(StoredEvents.select("""
                              WHERE aggregate_identifier = ANY (?::varchar[])
                                AND convert_from(payload, 'UTF8')::jsonb ->> 'reservationId' = ?
                              ORDER BY global_index"""), StoredEvents.ROW, rooms.toArray(String[]::new),
                    reservationId.toString());
            java.util.Set<String> named = new java.util.LinkedHashSet<>(rooms);
            events.forEach(event -> List.of("fromRoom", "targetRoom").forEach(field -> {
                if (event.payload() != null && event.payload().hasNonNull(field)) {
                    named.add(event.payload().get(field).asText());
                }
            }));
            if (named.size() == rooms.size()) {
                return shown(events);
            }
            rooms = named;
        }
    }

    /** The guests in these events opened, or marked erased; never the sealed text. */
    private List<AuditEvent> shown(List<AuditEvent> events) {
        HistoryGuests.Erasures erasures = guests.erasures();
        return events.stream().map(event -> guests.shown(event, erasures)).toList();
    }

    private SettledPrefix settledAfter(long after) {
        return new SettledPrefix(after, clock.instant().minus(settleTime));
    }

    private static String afterPosition() {
        return StoredEvents.select("WHERE global_index > ? ORDER BY global_index LIMIT ?");
    }
}
