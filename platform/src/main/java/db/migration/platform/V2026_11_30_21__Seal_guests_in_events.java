package db.migration.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.privacy.GuestKeys;
import hotel.booking.platform.privacy.SealedGuests;
import hotel.booking.platform.token.ServerSecrets;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Seals the guests that the version before sealing wrote in clear: every {@code RoomReserved} in
 * {@code domain_event_entry} gets its {@code guest} encrypted with the guest's key, the rest of the
 * payload unchanged. Room snapshots of that version kept a plain SHA-256 of each guest's name and
 * e-mail; they are deleted (a snapshot is a cache: the Room is rebuilt from its events and
 * snapshotted again). Runs in Flyway's transaction: all or nothing.
 */
public class V2026_11_30_21__Seal_guests_in_events extends BaseJavaMigration {

    static final String ROOM_RESERVED = "hotel.booking.api.RoomReserved";

    /** Numbers as written (79.00 stays 79.00), the field order kept. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        SealedGuests guests = new SealedGuests(new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id")),
                new GuestKeys(jdbc, Duration.ofHours(1), Integer.MAX_VALUE));
        sealEvents(connection, guests);
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("""
                    DELETE FROM snapshot_event_entry
                    WHERE position('"guestFingerprint"' in convert_from(payload, 'UTF8')) > 0""");
        }
    }

    private static void sealEvents(Connection connection, SealedGuests guests) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT global_index, payload FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
            select.setFetchSize(500);
            select.setString(1, ROOM_RESERVED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JsonNode payload = JSON.readTree(rows.getBytes("payload"));
                    JsonNode guest = payload.path("guest");
                    if (payload instanceof ObjectNode event && SealedGuests.isClearGuest(guest)) {
                        event.set("guest", guests.seal(guests.open(guest)));
                        update.setBytes(1, JSON.writeValueAsBytes(event));
                        update.setLong(2, rows.getLong("global_index"));
                        update.executeUpdate();
                    }
                }
            }
        }
    }
}
