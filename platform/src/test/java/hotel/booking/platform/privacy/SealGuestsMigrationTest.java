package hotel.booking.platform.privacy;

import hotel.booking.api.Guest;
import hotel.booking.api.RoomReserved;
import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.platform.token.ServerSecrets;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events of a database written by the version before sealing, sealed by the migration. */
class SealGuestsMigrationTest {

    private static final String RESERVED_ADA = """
            {"roomNumber":"101","reservationId":"6f1c1b4e-3f55-4a5e-9a57-5d1f1f8b0a01",\
            "stay":{"checkIn":"2031-01-01","checkOut":"2031-01-03"},"totalPrice":240.00,\
            "guest":{"name":"Ada Lovelace","email":"ada@example.com"}}""";
    private static final String RESERVED_ADA_AGAIN = """
            {"roomNumber":"102","reservationId":"6f1c1b4e-3f55-4a5e-9a57-5d1f1f8b0a02",\
            "stay":{"checkIn":"2031-02-01","checkOut":"2031-02-02"},"totalPrice":99.50,\
            "guest":{"name":"Ada Lovelace","email":"Ada@Example.com"}}""";
    private static final String REGISTERED = """
            {"roomNumber":"101","type":"DOUBLE","capacity":2,"nightlyRate":120.00}""";
    private static final String OLD_SNAPSHOT = """
            {"roomNumber":"101","nightlyRate":120.00,"bookings":{"6f1c1b4e-3f55-4a5e-9a57-5d1f1f8b0a01":\
            {"stay":{"checkIn":"2031-01-01","checkOut":"2031-01-03"},"price":240.00,\
            "guestFingerprint":"q1w2e3r4t5y6u7i8o9p0as","released":false}}}""";

    @Test
    void guestsWrittenInClearBeforeAreSealedAndStillReadable() {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.username());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
              .target("2026.11.30.20").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        insertEvent(jdbc, "101", 0, "hotel.booking.api.RoomRegistered", REGISTERED);
        insertEvent(jdbc, "101", 1, "hotel.booking.api.RoomReserved", RESERVED_ADA);
        insertEvent(jdbc, "102", 0, "hotel.booking.api.RoomReserved", RESERVED_ADA_AGAIN);
        jdbc.sql("""
                 INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                   payload, payload_type, time_stamp)
                 VALUES ('101', 1, 'Room', 'snap-1', convert_to(?, 'UTF8'), 'hotel.booking.command.room.Room',
                         '2030-12-01T00:00:00Z')""").param(OLD_SNAPSHOT).update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("""
                            SELECT count(*) FROM domain_event_entry
                            WHERE position('Ada' in convert_from(payload, 'UTF8')) > 0
                               OR position('example.com' in lower(convert_from(payload, 'UTF8'))) > 0""")
                       .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry").query(Integer.class).single())
                .as("snapshots with a hash of the guest are gone").isZero();
        assertThat(payload(jdbc, 1)).as("other events untouched").isEqualTo(REGISTERED);
        assertThat(payload(jdbc, 2)).contains("\"totalPrice\":240.00", "\"checkIn\":\"2031-01-01\"", "\"sealed\":");

        GuestKeys keys = new GuestKeys(jdbc, Duration.ofSeconds(10), 100);
        GuestIds ids = new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id"));
        var serializer = StorageSerializerConfiguration.storageSerializer(new SealedGuests(ids, keys));
        List<Guest> guests = List.of(read(serializer, jdbc, 2).guest(), read(serializer, jdbc, 3).guest());
        String adaId = ids.of("ada@example.com");
        assertThat(guests).containsExactly(Guest.identified(adaId, "Ada Lovelace", "ada@example.com"),
                Guest.identified(adaId, "Ada Lovelace", "Ada@Example.com"));
        assertThat(read(serializer, jdbc, 3).totalPrice()).isEqualByComparingTo("99.50");
        assertThat(jdbc.sql("SELECT count(*) FROM guest_key").query(Integer.class).single())
                .as("one key for both bookings of the same address").isEqualTo(1);

        keys.destroy(adaId);
        assertThat(read(serializer, jdbc, 2).guest()).isEqualTo(Guest.erased(adaId));
    }

    private static void insertEvent(JdbcClient jdbc, String room, long sequence, String type, String json) {
        jdbc.sql("""
                 INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                 payload, payload_type, payload_revision, time_stamp)
                 VALUES (?, ?, 'Room', ?, convert_to(?, 'UTF8'), ?, '1', '2030-12-01T00:00:00Z')""")
            .params(room, sequence, room + "-" + sequence, json, type).update();
    }

    private static String payload(JdbcClient jdbc, long position) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE global_index = ?")
                   .param(position).query(String.class).single();
    }

    private static RoomReserved read(org.axonframework.serialization.Serializer serializer, JdbcClient jdbc,
                                     long position) {
        byte[] bytes = jdbc.sql("SELECT payload FROM domain_event_entry WHERE global_index = ?")
                           .param(position).query(byte[].class).single();
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                new SimpleSerializedType(RoomReserved.class.getName(), "1")));
    }
}
