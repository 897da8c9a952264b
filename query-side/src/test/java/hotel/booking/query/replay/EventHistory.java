package hotel.booking.query.replay;

import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.privacy.GuestKeys;
import hotel.booking.platform.privacy.SealedGuests;
import hotel.booking.platform.token.ServerSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes events into {@code domain_event_entry} as Axon's JDBC engine does (JSON in bytea, ISO time
 * stamps, positions in order), in batches, and sets a processor's tokens the way its token store would.
 */
public final class EventHistory {

    public record Event(String aggregate, long sequence, Object payload, Instant at) {
    }

    private static final String INSERT = """
            INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                                            meta_data, payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, ?, 'Room', ?, ?, ?, '1', ?, ?)""";

    private final Serializer serializer;
    private final DataSource dataSource;
    private final byte[] noMetaData;

    public EventHistory(DataSource dataSource) {
        this.dataSource = dataSource;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // guests sealed with a key of their own, as the application stores them
        this.serializer = StorageSerializerConfiguration.storageSerializer(new SealedGuests(
                new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id")), new GuestKeys(jdbc, java.time.Duration.ZERO, 1000)));
        this.noMetaData = "{}".getBytes(StandardCharsets.UTF_8);
    }

    public Serializer serializer() {
        return serializer;
    }

    /** Appends the events at the given positions (which may leave gaps), in batches of a thousand. */
    public void append(List<Long> positions, List<Event> events) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    insert.setLong(1, positions.get(i));
                    insert.setString(2, event.aggregate());
                    insert.setLong(3, event.sequence());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, noMetaData);
                    insert.setBytes(6, serializer.serialize(event.payload(), byte[].class).getData());
                    insert.setString(7, event.payload().getClass().getName());
                    insert.setString(8, event.at().toString());
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT setval('domain_event_entry_global_index_seq', "
                                  + "(SELECT coalesce(max(global_index), 1) FROM domain_event_entry))");
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets segment {@code segment} of {@code processor} to a gap-aware token at {@code index} with these gaps. */
    public void token(String processor, int segment, long index, SortedSet<Long> gaps) {
        String json = "{\"index\":" + index + ",\"gaps\":[" + gaps.stream().map(String::valueOf)
                .collect(Collectors.joining(",")) + "]}";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp)
                     VALUES (?, ?, ?, 'org.axonframework.eventhandling.GapAwareTrackingToken', ?)
                     ON CONFLICT (processor_name, segment) DO UPDATE SET token = excluded.token
                     """)) {
            upsert.setString(1, processor);
            upsert.setInt(2, segment);
            upsert.setBytes(3, json.getBytes(StandardCharsets.UTF_8));
            upsert.setString(4, Instant.now().toString());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Long> consecutive(long first, int count) {
        List<Long> positions = new ArrayList<>(count);
        for (long i = 0; i < count; i++) {
            positions.add(first + i);
        }
        return positions;
    }
}
