package hotel.booking.command.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import hotel.booking.platform.json.JsonConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot is the Room serialised as JSON by the event serializer; it must come back whole. */
class RoomSnapshotTest {

    private final Serializer serializer = new JsonConfiguration().serializer();

    @Test
    void aRoomComesBackFromItsSnapshotWithEverythingItDecidesOn() {
        Room room = new Room();
        UUID kept = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        Stay stay = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-04"));
        Instant now = Instant.parse("2030-12-01T00:00:00Z");
        room.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")));
        room.on(new RoomReserved("101", kept, stay, new BigDecimal("300.00"), new Guest("Ada", "ada@example.com")), now);
        room.on(new RoomReserved("101", released, new Stay(stay.checkOut(), stay.checkOut().plusDays(1)),
                new BigDecimal("100.00"), new Guest("Bob", "bob@example.com")), now);
        room.on(new RoomReleased("101", released, stay, ReleaseReason.CANCELLED_BY_GUEST));

        SerializedObject<byte[]> snapshot = serializer.serialize(room, byte[].class);
        Room restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(room);
        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8))
                .as("the snapshot holds a fingerprint of the guest, not the guest")
                .doesNotContain("Ada", "ada@example.com");
    }

    @Test
    void theSnapshotIsPlainJson() throws Exception {
        Room room = new Room();
        room.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")));

        byte[] json = serializer.serialize(room, byte[].class).getData();

        assertThat(new ObjectMapper().readTree(json).get("roomNumber").asText()).isEqualTo("101");
    }
}
