package hotel.booking.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A long booking history written straight into the event table by PostgreSQL itself, in the form
 * Axon writes (JSON payloads, millisecond ISO-8601 stamps). Rooms {@code 1000}, {@code 1001}, … are
 * registered first; then booking {@code j} (room {@code j % rooms}, its {@code k = j / rooms}-th)
 * holds the two nights from {@code FIRST_NIGHT + 2k}, stamped {@code j} seconds after the rooms;
 * every odd {@code k} is cancelled half a second later.
 */
final class SeededHistory {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final LocalDate FIRST_NIGHT = LocalDate.parse("2025-06-01");

    private static final String INSERT = """
            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                            meta_data, payload, payload_revision, payload_type, time_stamp)
            SELECT room, sequence, 'Room', gen_random_uuid()::text, convert_to('{"principal":"seed"}', 'UTF8'),
                   convert_to(payload::text, 'UTF8'), '1', payload_type,
                   to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            FROM (
                SELECT (1000 + i)::text AS room, 0 AS sequence, 'hotel.booking.api.RoomRegistered' AS payload_type,
                       json_build_object('roomNumber', (1000 + i)::text, 'type', 'DOUBLE', 'capacity', 2,
                                         'nightlyRate', 120.00) AS payload,
                       ?::timestamptz + i * interval '1 millisecond' AS stamp
                FROM generate_series(0, ? - 1) AS i
                UNION ALL
                SELECT (1000 + j % r)::text, 1 + 2 * (j / r), 'hotel.booking.api.RoomReserved',
                       json_build_object('roomNumber', (1000 + j % r)::text, 'reservationId', md5('r' || j)::uuid,
                                         'stay', stay, 'totalPrice', 240.00,
                                         'guest', json_build_object('name', repeat('x', ?), 'email', 'guest@example.com')),
                       ?::timestamptz + interval '1 second' + j * interval '1 second'
                FROM (SELECT j, ? AS r, json_build_object('checkIn', ?::date + 2 * (j / ?),
                                                          'checkOut', ?::date + 2 * (j / ?) + 2) AS stay
                      FROM generate_series(0, ? - 1) AS j) AS bookings
                UNION ALL
                SELECT (1000 + j % r)::text, 2 + 2 * (j / r), 'hotel.booking.api.RoomReleased',
                       json_build_object('roomNumber', (1000 + j % r)::text, 'reservationId', md5('r' || j)::uuid,
                                         'stay', stay, 'reason', 'CANCELLED_BY_GUEST'),
                       ?::timestamptz + interval '1.5 seconds' + j * interval '1 second'
                FROM (SELECT j, ? AS r, json_build_object('checkIn', ?::date + 2 * (j / ?),
                                                          'checkOut', ?::date + 2 * (j / ?) + 2) AS stay
                      FROM generate_series(0, ? - 1) AS j) AS bookings
                WHERE (j / r) % 2 = 1
            ) AS events
            ORDER BY stamp""";

    final int rooms;
    final int bookingsPerRoom;

    private SeededHistory(int rooms, int bookingsPerRoom) {
        this.rooms = rooms;
        this.bookingsPerRoom = bookingsPerRoom;
    }

    /** Writes the history; a guest's name is {@code nameLength} characters, to make events as large as wanted. */
    static SeededHistory write(DataSource dataSource, int rooms, int bookingsPerRoom, int nameLength) {
        String start = START.toString();
        String night = FIRST_NIGHT.toString();
        int bookings = rooms * bookingsPerRoom;
        new JdbcTemplate(dataSource).update(INSERT, start, rooms,
                nameLength, start, rooms, night, rooms, night, rooms, bookings,
                start, rooms, night, rooms, night, rooms, bookings);
        return new SeededHistory(rooms, bookingsPerRoom);
    }

    long events() {
        long bookings = (long) rooms * bookingsPerRoom;
        return rooms + bookings + (long) rooms * (bookingsPerRoom / 2);
    }

    /** The end of the history: every event is stamped at or before it. */
    Instant end() {
        return bookedAt((long) rooms * bookingsPerRoom).plusSeconds(1);
    }

    /** When booking {@code j} was made. */
    Instant bookedAt(long j) {
        return START.plusSeconds(1 + j);
    }

    String roomNumber(int room) {
        return Integer.toString(1000 + room);
    }

    /** Whether the night was taken in the room (0, 1, …) at {@code asOf}, by the rules above. */
    boolean taken(int room, LocalDate night, Instant asOf) {
        long days = ChronoUnit.DAYS.between(FIRST_NIGHT, night);
        if (days < 0 || days / 2 >= bookingsPerRoom) {
            return false;
        }
        long k = days / 2;
        Instant booked = bookedAt(k * rooms + room);
        boolean cancelled = k % 2 == 1 && !booked.plusMillis(500).isAfter(asOf);
        return !booked.isAfter(asOf) && !cancelled;
    }
}
