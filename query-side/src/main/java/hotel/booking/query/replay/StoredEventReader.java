package hotel.booking.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import hotel.booking.platform.privacy.SealedGuests;
import org.postgresql.PGStatement;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Reads stored events in their global order straight from {@code domain_event_entry} through a
 * cursor, and their JSON payloads with the event serializer's mapper (ISO dates, unknown fields
 * ignored, guests sealed with their keys). Only the columns a fold needs are read.
 */
final class StoredEventReader {

    static final int FETCH_SIZE = 5_000;
    private static final String EVENT_PACKAGE = "hotel.booking.api.";
    private static final String COLUMNS = "global_index, aggregate_identifier, payload_type, payload, time_stamp";

    private final ObjectMapper json;
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();

    /**
     * Reads with the event serializer's own mapper when it is Jackson's, so that events read here are
     * what the processors get (guests opened with their keys, or erased); otherwise with a plain one.
     */
    StoredEventReader(Serializer serializer) {
        this(serializer instanceof JacksonSerializer jackson
             ? jackson.getObjectMapper()
             : Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                          .build());
    }

    private StoredEventReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A reader for folds that read nothing of the guests' personal data: each guest comes with
     * its id (and whether it was erased) but without name or e-mail, and without the key lookup and
     * decryption opening it would cost, which were most of a rebuild's time.
     */
    StoredEventReader withoutGuests() {
        return new StoredEventReader(json.copy().registerModule(SealedGuests.unopened()));
    }

    /** The events after {@code after} up to {@code through}, in order; the connection must not be in autocommit. */
    void range(Connection connection, long after, long through, Consumer<StoredEvent> sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index")) {
            statement.setFetchSize(FETCH_SIZE);
            // prepared on the server at once: rows come in binary, bytea without its hex text form
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            statement.setLong(1, after);
            statement.setLong(2, through);
            read(statement, sink);
        }
    }

    /** The events at these positions that exist, in order. */
    void at(Connection connection, Collection<Long> positions, Consumer<StoredEvent> sink) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM domain_event_entry WHERE global_index = ANY(?) ORDER BY global_index")) {
            Array array = connection.createArrayOf("bigint", positions.toArray());
            statement.setArray(1, array);
            read(statement, sink);
        }
    }

    private void read(PreparedStatement statement, Consumer<StoredEvent> sink) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                sink.accept(event(rs));
            }
        }
    }

    private StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), payload(rs.getString(3), rs.getBytes(4)), rs.getString(5));
    }

    /** The payload of a stored event of {@code type}; null for a type no fold knows. */
    Object payload(String type, byte[] bytes) {
        Optional<ObjectReader> reader = readers.computeIfAbsent(type, this::readerOf);
        if (reader.isEmpty()) {
            return null;
        }
        try {
            return reader.get().readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored " + type + " is not readable", e);
        }
    }

    private Optional<ObjectReader> readerOf(String type) {
        if (!type.startsWith(EVENT_PACKAGE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readerFor(Class.forName(type, false, getClass().getClassLoader())));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
