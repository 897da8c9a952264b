package hotel.booking.query.audit;

import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.privacy.GuestKeys;
import hotel.booking.platform.privacy.SealedGuests;
import hotel.booking.platform.token.ServerSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Duration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Appends rows to the event table the way Axon's JDBC engine does: JSON in bytea, an ISO-8601 time stamp. */
final class StoredEventWriter {

    private static final String INSERT = """
            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                            meta_data, payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, 'Room', ?, ?, ?, '1', ?, ?)
            RETURNING global_index""";

    private final Serializer serializer;
    private final DataSource dataSource;

    StoredEventWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.serializer = StorageSerializerConfiguration.storageSerializer(sealedGuests(dataSource));
    }

    static SealedGuests sealedGuests(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new SealedGuests(new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id")),
                new GuestKeys(jdbc, Duration.ZERO, 1000));
    }

    long append(String room, long sequence, Object payload, Instant at, MetaData metaData) {
        return append(room, sequence, payload, at.toString(), metaData);
    }

    /** Appends with the time stamp written exactly as given, in whatever ISO-8601 form another writer used. */
    long append(String room, long sequence, Object payload, String stamp) {
        return append(room, sequence, payload, stamp, MetaData.emptyInstance());
    }

    private long append(String room, long sequence, Object payload, String stamp, MetaData metaData) {
        return new JdbcTemplate(dataSource).query(connection -> statement(connection, room, sequence, payload, stamp, metaData),
                (ResultSet rs) -> {
                    rs.next();
                    return rs.getLong(1);
                });
    }

    /** Appends on a connection of the caller's, within whatever transaction it has open. */
    long append(Connection connection, String room, long sequence, Object payload, Instant at) throws SQLException {
        try (PreparedStatement insert = statement(connection, room, sequence, payload, at.toString(),
                MetaData.emptyInstance());
             ResultSet rs = insert.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private PreparedStatement statement(Connection connection, String room, long sequence, Object payload,
                                        String stamp, MetaData metaData) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(INSERT);
        insert.setString(1, room);
        insert.setLong(2, sequence);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, serializer.serialize(metaData, byte[].class).getData());
        insert.setBytes(5, serializer.serialize(payload, byte[].class).getData());
        insert.setString(6, payload.getClass().getName());
        insert.setString(7, stamp);
        return insert;
    }
}
