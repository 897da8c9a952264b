package hotel.booking.query.audit;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.query.availability.AvailabilityFold;
import hotel.booking.query.availability.AvailabilityQuery;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Availability as it stood at a past instant, folded from the event store's own record of the
 * rooms' decisions up to that instant, never from today's read model.
 * <p>
 * The stamps are ISO-8601 text, written with whatever precision and offset the writer used
 * ({@code 10:00:00.1Z}, {@code 10:00:00.100Z}, {@code 12:00:00.1+02:00} are one instant), so text
 * order is not time order. PostgreSQL narrows the read by comparing them as {@code timestamptz},
 * which rounds to microseconds and so can only let through a few events too many, never hold one
 * back; each row is then compared exactly, as an {@link Instant}.
 */
@Component
public class PastAvailability {

    static final String AGGREGATE_TYPE = "Room";

    static final String EVENTS_UP_TO = """
            SELECT global_index, time_stamp, payload_type, payload_revision, payload
            FROM domain_event_entry
            WHERE type = ?
              AND payload_type IN (?, ?, ?, ?, ?, ?, ?, ?)
              AND CAST(time_stamp AS timestamptz) <= CAST(? AS timestamptz)
            ORDER BY global_index""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Serializer serializer;

    public PastAvailability(DataSource dataSource, PlatformTransactionManager transactions,
                            @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(AuditLog.FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.serializer = serializer;
    }

    /** What {@code query} would have answered at {@code asOf}; rooms registered later are not in it. */
    public AvailabilityAsOf at(Instant asOf, AvailabilityQuery query) {
        Fold fold = new Fold(asOf, new AvailabilityFold(query));
        readOnly.executeWithoutResult(transaction -> jdbc.query(EVENTS_UP_TO, fold::row, AGGREGATE_TYPE,
                RoomRegistered.class.getName(), RoomReserved.class.getName(), RoomReleased.class.getName(),
                StayChanged.class.getName(), StayMovedIn.class.getName(),
                RoomHeld.class.getName(), NightsBlocked.class.getName(), BlockLifted.class.getName(),
                asOf.toString()));
        return new AvailabilityAsOf(asOf, query.from(), query.to(), fold.position, fold.availability.rooms());
    }

    private final class Fold {

        private final Instant asOf;
        private final AvailabilityFold availability;
        private long position;

        Fold(Instant asOf, AvailabilityFold availability) {
            this.asOf = asOf;
            this.availability = availability;
        }

        void row(ResultSet rs) throws SQLException {
            if (Instant.parse(rs.getString("time_stamp")).isAfter(asOf)) {
                return;
            }
            availability.apply(serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("payload"),
                    byte[].class, rs.getString("payload_type"), rs.getString("payload_revision"))));
            position = rs.getLong("global_index");
        }
    }
}
