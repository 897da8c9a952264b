package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.RowMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads rows of {@code domain_event_entry}, whose payload and metadata are UTF-8 JSON in {@code bytea}. */
final class StoredEvents {

    private static final String COLUMNS = """
            global_index, time_stamp, payload_type, payload_revision, type, aggregate_identifier,
            sequence_number, event_identifier, payload, meta_data""";

    static final RowMapper<AuditEvent> ROW = StoredEvents::event;

    /** Reads numbers as written: an amount stored as 79.00 is shown as 79.00, never as 79.0. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private StoredEvents() {
    }

    /** {@code SELECT} of every column from the event table, followed by {@code rest}. */
    static String select(String rest) {
        return "SELECT " + COLUMNS + " FROM domain_event_entry " + rest;
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("global_index"),
                Instant.parse(rs.getString("time_stamp")),
                simpleName(rs.getString("payload_type")),
                rs.getString("payload_revision"),
                rs.getString("type"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("event_identifier"),
                json(rs.getBytes("payload")),
                json(rs.getBytes("meta_data")));
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static JsonNode json(byte[] utf8) {
        if (utf8 == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException("An event in the store is not JSON", e);
        }
    }
}
