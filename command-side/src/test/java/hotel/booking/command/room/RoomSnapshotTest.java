package hotel.booking.command.room;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.privacy.GuestKeys;
import hotel.booking.platform.privacy.SealedGuests;
import hotel.booking.platform.token.ServerSecrets;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot is the Room serialised as JSON by the event serializer; it must come back whole, with
 * its guests sealed like in the events (on a real PostgreSQL, where the keys are).
 */
class RoomSnapshotTest {

    private static GuestKeys keys;
    private static GuestIds ids;
    private static Serializer serializer;

    @BeforeAll
    static void database() {
        JdbcClient jdbc = JdbcClient.create(TestPostgres.migratedDataSource());
        keys = new GuestKeys(jdbc, Duration.ofSeconds(10), 100);
        ids = new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id"));
        serializer = StorageSerializerConfiguration.storageSerializer(new SealedGuests(ids, keys));
    }

    private final UUID kept = UUID.randomUUID();
    private final Stay stay = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-04"));

    /** A Room that handled these events, stored (and so sealed) first as the event store does. */
    private Room roomWithTwoBookings(Guest ada) {
        Room room = new Room();
        UUID released = UUID.randomUUID();
        Instant now = Instant.parse("2030-12-01T00:00:00Z");
        room.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")));
        room.on(stored(new RoomReserved("101", kept, stay, new BigDecimal("300.00"), ada)), now);
        room.on(stored(new RoomReserved("101", released, new Stay(stay.checkOut(), stay.checkOut().plusDays(1)),
                new BigDecimal("100.00"), Guest.identified(ids.of("bob@example.com"), "Bob", "bob@example.com"))), now);
        room.on(new RoomReleased("101", released, stay, ReleaseReason.CANCELLED_BY_GUEST));
        return room;
    }

    private static RoomReserved stored(RoomReserved event) {
        return serializer.deserialize(serializer.serialize(event, byte[].class));
    }

    @Test
    void aRoomComesBackFromItsSnapshotWithEverythingItDecidesOnAndItsGuestsSealed() {
        Guest ada = Guest.identified(ids.of("ada@example.com"), "Ada", "ada@example.com");
        Room room = roomWithTwoBookings(ada);

        SerializedObject<byte[]> snapshot = serializer.serialize(room, byte[].class);
        Room restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(room);
        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8))
                .as("the snapshot holds the guests sealed")
                .doesNotContain("Ada", "ada@example.com", "Bob", "bob@example.com")
                .contains(ada.guestId(), "\"sealed\"");
        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void aSnapshotTakenBeforeAnErasureComesBackWithTheGuestErasedAndStillRecognisesARetry() {
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        Guest eve = Guest.identified(ids.of(email), "Eve", email);
        SerializedObject<byte[]> snapshot = serializer.serialize(roomWithTwoBookings(eve), byte[].class);

        keys.destroy(eve.guestId());
        Room restored = serializer.deserialize(snapshot);

        BookedStay booked = restored.bookings().find(kept).orElseThrow();
        assertThat(booked.guest()).isEqualTo(Guest.erased(eve.guestId()));
        assertThat(booked.sameBookingAs(new ReserveRoom("101", kept, stay, eve))).isTrue();
        assertThat(booked.sameBookingAs(new ReserveRoom("101", kept, stay,
                Guest.identified(ids.of("other@example.com"), "Eve", "other@example.com")))).isFalse();
    }

    @Test
    void aSnapshotOfARoomThatReadItsGuestBeforeTheErasureHoldsTheGuestErasedAndMakesNoNewKey() {
        String email = "late-" + UUID.randomUUID() + "@example.com";
        Guest eve = Guest.identified(ids.of(email), "Eve", email);
        Room loadedBeforeTheErasure = roomWithTwoBookings(eve);

        keys.destroy(eve.guestId());
        SerializedObject<byte[]> snapshot = serializer.serialize(loadedBeforeTheErasure, byte[].class);

        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8)).doesNotContain("Eve", email)
                .contains("{\"guestId\":\"" + eve.guestId() + "\",\"erased\":true}");
        assertThat(keys.forOpening(eve.guestId())).as("no key made for the erased guest").isEmpty();
        Room restored = serializer.deserialize(snapshot);
        assertThat(restored.bookings().find(kept).orElseThrow().guest()).isEqualTo(Guest.erased(eve.guestId()));
    }

    @Test
    void theSnapshotIsPlainJson() throws Exception {
        Room room = new Room();
        room.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("100.00")));

        byte[] json = serializer.serialize(room, byte[].class).getData();

        assertThat(new ObjectMapper().readTree(json).get("roomNumber").asText()).isEqualTo("101");
    }
}
