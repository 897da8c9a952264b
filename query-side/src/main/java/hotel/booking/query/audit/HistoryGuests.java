package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hotel.booking.api.Guest;
import hotel.booking.platform.privacy.SealedGuests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The guests in the history as an auditor may see them: opened with the guest's key, or, once the
 * key is destroyed, marked erased with who erased them and when (from the {@code GuestErased} event).
 * Nobody, auditors included, sees the sealed text or the personal data of an erased guest.
 */
@Component
class HistoryGuests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SealedGuests sealed;
    private final JdbcClient jdbc;

    HistoryGuests(SealedGuests sealed, JdbcClient jdbc) {
        this.sealed = sealed;
        this.jdbc = jdbc;
    }

    /** Remembers the erasures it looked up: one per request, never shared between requests. */
    Erasures erasures() {
        return new Erasures();
    }

    AuditEvent shown(AuditEvent event, Erasures erasures) {
        open(event.payload(), erasures);
        return event;
    }

    private void open(JsonNode node, Erasures erasures) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SealedGuests.isStoredGuest(field.getValue())) {
                    field.setValue(shown(sealed.open(field.getValue()), erasures));
                } else {
                    open(field.getValue(), erasures);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (SealedGuests.isStoredGuest(array.get(i))) {
                    array.set(i, shown(sealed.open(array.get(i)), erasures));
                } else {
                    open(array.get(i), erasures);
                }
            }
        }
    }

    private static ObjectNode shown(Guest guest, Erasures erasures) {
        ObjectNode shown = NODES.objectNode().put("guestId", guest.guestId());
        if (!guest.erased()) {
            return shown.put("name", guest.name()).put("email", guest.email());
        }
        shown.put("erased", true);
        erasures.of(guest.guestId()).ifPresent(erasure -> shown.setAll(erasure));
        return shown;
    }

    final class Erasures {

        private final Map<String, Optional<ObjectNode>> known = new HashMap<>();

        /** {@code erasedBy} and {@code erasedAt} of the guest's last erasure. */
        Optional<ObjectNode> of(String guestId) {
            return known.computeIfAbsent(guestId, id -> jdbc.sql("""
                            SELECT convert_from(payload, 'UTF8')::jsonb ->> 'erasedBy',
                                   convert_from(payload, 'UTF8')::jsonb ->> 'erasedAt'
                            FROM domain_event_entry
                            WHERE payload_type = 'hotel.booking.api.GuestErased'
                              AND convert_from(payload, 'UTF8')::jsonb ->> 'guestId' = ?
                            ORDER BY global_index DESC LIMIT 1""")
                    .param(id)
                    .query((rs, n) -> NODES.objectNode().put("erasedBy", rs.getString(1))
                                           .put("erasedAt", rs.getString(2)))
                    .optional());
        }
    }
}
