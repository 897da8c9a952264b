package hotel.booking.platform.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import hotel.booking.api.Guest;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AggregateRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

/**
 * How a {@link Guest} is stored wherever it occurs in an event or snapshot:
 * {@code {"guestId":"…","sealed":"<Base64 of nonce, ciphertext and tag>"}}, the name and e-mail
 * encrypted with the guest's key ({@link GuestKeys}) and bound to the guest id. Once the key is gone
 * the guest reads as {@linkplain Guest#erased erased}, and is written again as
 * {@code {"guestId":"…","erased":true}}. A guest stored in clear by an earlier version is still read.
 */
public class SealedGuests {

    static final String GUEST_ID = "guestId";
    static final String SEALED = "sealed";
    static final String ERASED = "erased";

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GuestIds ids;
    private final GuestKeys keys;

    public SealedGuests(GuestIds ids, GuestKeys keys) {
        this.ids = ids;
        this.keys = keys;
    }

    /** Jackson (de)serialisers of {@link Guest} for the storage mapper. */
    public Module module() {
        return new SimpleModule("sealed-guests")
                .addSerializer(Guest.class, new StdSerializer<>(Guest.class) {
                    @Override
                    public void serialize(Guest guest, JsonGenerator gen, SerializerProvider provider) throws IOException {
                        gen.writeTree(inAggregateSnapshot(gen) ? sealAgain(guest) : seal(guest));
                    }
                })
                .addDeserializer(Guest.class, new StdDeserializer<>(Guest.class) {
                    @Override
                    public Guest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        return open(ctxt.readTree(p));
                    }
                });
    }

    public ObjectNode seal(Guest guest) {
        if (guest.erased()) {
            return NODES.objectNode().put(GUEST_ID, guest.guestId()).put(ERASED, true);
        }
        String guestId = guest.guestId() != null ? guest.guestId() : idOf(guest);
        return sealed(guestId, keys.forSealing(guestId), guest);
    }

    private static ObjectNode sealed(String guestId, byte[] key, Guest guest) {
        byte[] sealed = GuestCipher.seal(key, guestId, plain(guest));
        return NODES.objectNode().put(GUEST_ID, guestId).put(SEALED, Base64.getEncoder().encodeToString(sealed));
    }

    /** Whether the object being written is an aggregate (a snapshot) rather than an event or a command. */
    private static boolean inAggregateSnapshot(JsonGenerator gen) {
        Object root = null;
        for (JsonStreamContext context = gen.getOutputContext(); context != null; context = context.getParent()) {
            if (context.getCurrentValue() != null) {
                root = context.getCurrentValue();
            }
        }
        return root != null && AnnotationUtils.isAnnotationPresent(root.getClass(), AggregateRoot.class);
    }

    /**
     * A guest in an aggregate's snapshot, which the aggregate read from the events: sealed with the
     * key it has, or written erased when the key was destroyed since. Never a new key, which would
     * bring back a guest erased while the snapshot was being taken.
     */
    public ObjectNode sealAgain(Guest guest) {
        if (guest.erased()) {
            return seal(guest);
        }
        String guestId = guest.guestId() != null ? guest.guestId() : idOf(guest);
        return keys.existingForSealing(guestId)
                   .map(key -> sealed(guestId, key, guest))
                   .orElseGet(() -> seal(Guest.erased(guestId)));
    }

    public Guest open(JsonNode node) {
        String guestId = text(node, GUEST_ID);
        if (node.hasNonNull(SEALED)) {
            return opened(guestId, Base64.getDecoder().decode(node.get(SEALED).asText()))
                    .orElseGet(() -> Guest.erased(guestId));
        }
        if (node.path(ERASED).asBoolean(false)) {
            return Guest.erased(guestId);
        }
        // written in clear by the version before sealing (the migration seals them): reading writes nothing,
        // so the guest id is left to sealing
        return new Guest(guestId, text(node, "name"), text(node, "email"), false);
    }

    /**
     * Jackson's reading of {@link Guest} for readers that need no personal data (rebuilds of counts and
     * dates): each guest comes with its id and whether it was erased, but without name or e-mail, and
     * without the key lookup and decryption that opening it costs.
     */
    public static Module unopened() {
        return new SimpleModule("sealed-guests-unopened")
                .addDeserializer(Guest.class, new StdDeserializer<>(Guest.class) {
                    @Override
                    public Guest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        JsonNode stored = ctxt.readTree(p);
                        return new Guest(text(stored, GUEST_ID), null, null, stored.path(ERASED).asBoolean(false));
                    }
                });
    }

    /** Whether a JSON node is a guest in its sealed or erased form. */
    public static boolean isStoredGuest(JsonNode node) {
        return node.isObject() && node.hasNonNull(GUEST_ID) && (node.hasNonNull(SEALED) || node.has(ERASED));
    }

    /** Whether a JSON node is a guest written in clear by the version before sealing. */
    public static boolean isClearGuest(JsonNode node) {
        return node.isObject() && node.has("email") && node.has("name") && !node.has(SEALED);
    }

    private Optional<Guest> opened(String guestId, byte[] sealed) {
        return keys.forOpening(guestId)
                   .flatMap(key -> GuestCipher.open(key, guestId, sealed))
                   .map(plaintext -> {
                       JsonNode data = read(plaintext);
                       return Guest.identified(guestId, text(data, "name"), text(data, "email"));
                   });
    }

    private String idOf(Guest guest) {
        if (guest.email() == null) {
            throw new IllegalArgumentException("A guest needs an e-mail address or a guest id");
        }
        return ids.of(guest.email());
    }

    private static byte[] plain(Guest guest) {
        ObjectNode data = NODES.objectNode().put("name", guest.name()).put("email", guest.email());
        try {
            return PLAIN.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return PLAIN.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A sealed guest opened to something that is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
