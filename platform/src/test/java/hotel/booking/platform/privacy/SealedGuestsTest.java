package hotel.booking.platform.privacy;

import hotel.booking.api.Guest;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.platform.token.ServerSecrets;
import hotel.booking.testsupport.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Guests sealed with a key per guest in the event serializer, on a real PostgreSQL. */
class SealedGuestsTest {

    private static DataSource dataSource;
    private static JdbcClient jdbc;

    private final Stay stay = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-03"));

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
        jdbc = JdbcClient.create(dataSource);
    }

    /** One node: its own key cache, the database shared with the others. */
    private record Node(GuestKeys keys, SealedGuests guests) {
    }

    private static Node node(Duration keyCacheTtl) {
        GuestKeys keys = new GuestKeys(jdbc, keyCacheTtl, 1000);
        return new Node(keys, new SealedGuests(ids(), keys));
    }

    private static GuestIds ids() {
        return new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id"));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    private RoomReserved reserved(Guest guest) {
        return new RoomReserved("101", UUID.randomUUID(), stay, new BigDecimal("240.00"), guest);
    }

    @Test
    void anEventKeepsTheGuestSealedAndEverythingElseInClear() throws Exception {
        String email = unique("ada");
        Serializer serializer = StorageSerializerConfiguration.storageSerializer(node(Duration.ofSeconds(10)).guests());
        RoomReserved event = reserved(new Guest("Ada Lovelace", email));

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Ada", email, "Lovelace")
                        .contains("\"roomNumber\":\"101\"", "\"totalPrice\":240.00", "\"checkIn\":\"2031-01-01\"",
                                event.reservationId().toString());
        ObjectNode guest = (ObjectNode) new ObjectMapper().readTree(json).get("guest");
        assertThat(guest.get("guestId").asText()).isEqualTo(ids().of(email));
        assertThat(guest.fieldNames()).toIterable().containsExactly("guestId", "sealed");
        RoomReserved read = serializer.deserialize(stored);
        assertThat(read.guest()).isEqualTo(Guest.identified(ids().of(email), "Ada Lovelace", email));
        assertThat(read.stay()).isEqualTo(stay);
    }

    @Test
    void theSameAddressHowEverTypedIsOneGuestWithOneKey() {
        assertThat(ids().of(" Ada@Example.COM ")).isEqualTo(ids().of("ada@example.com"))
                                                 .isNotEqualTo(ids().of("bob@example.com"));
        assertThat(GuestIds.wellFormed(ids().of("ada@example.com"))).isTrue();
        SealedGuests guests = node(Duration.ofSeconds(10)).guests();
        String email = unique("same");
        guests.seal(new Guest("Ada", email));
        guests.seal(new Guest("Ada L.", email.toUpperCase()));

        assertThat(jdbc.sql("SELECT count(*) FROM guest_key WHERE guest_id = ?").param(ids().of(email))
                       .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDestroyedKeyStopsWorkingAtOnceOnItsNodeAndWithinTheCacheTimeOnOthers() throws Exception {
        Node node = node(Duration.ofMinutes(10));
        SealedGuests here = node.guests();
        SealedGuests elsewhere = node(Duration.ofMillis(300)).guests();
        String email = unique("erase");
        ObjectNode sealed = here.seal(new Guest("Eve", email));
        assertThat(here.open(sealed).erased()).isFalse();
        assertThat(elsewhere.open(sealed).name()).isEqualTo("Eve");

        String guestId = sealed.get("guestId").asText();
        assertThat(node.keys().destroy(guestId)).isPresent();

        assertThat(here.open(sealed)).isEqualTo(Guest.erased(guestId));
        Thread.sleep(400);
        assertThat(elsewhere.open(sealed)).isEqualTo(Guest.erased(guestId));
        assertThat(node.keys().destroy(guestId)).as("nothing left to destroy").isEmpty();
    }

    @Test
    void aKeyMadeInATransactionThatRolledBackIsNeitherKeptNorRemembered() {
        SealedGuests guests = node(Duration.ofMinutes(10)).guests();
        String email = unique("rollback");
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ObjectNode[] sealed = new ObjectNode[1];

        transaction.executeWithoutResult(status -> {
            sealed[0] = guests.seal(new Guest("Ray", email));
            assertThat(guests.open(sealed[0]).name()).isEqualTo("Ray");
            status.setRollbackOnly();
        });

        assertThat(guests.open(sealed[0]).erased()).isTrue();
        assertThat(guests.open(guests.seal(new Guest("Ray", email))).name()).isEqualTo("Ray");
    }

    @Test
    void aSealedGuestMovedOntoAnotherGuestIdDoesNotOpen() {
        SealedGuests guests = node(Duration.ofSeconds(10)).guests();
        ObjectNode mallory = guests.seal(new Guest("Mallory", unique("mallory")));
        ObjectNode victim = guests.seal(new Guest("Victim", unique("victim")));

        ObjectNode moved = mallory.deepCopy().put("guestId", victim.get("guestId").asText());

        assertThat(guests.open(moved).erased()).isTrue();
    }

    @Test
    void anErasedGuestIsWrittenAsErasedAndAClearOneFromTheEarlierVersionIsStillRead() {
        SealedGuests guests = node(Duration.ofSeconds(10)).guests();
        Guest erased = Guest.erased(ids().of("gone@example.com"));

        assertThat(guests.seal(erased).toString()).isEqualTo("{\"guestId\":\"" + erased.guestId() + "\",\"erased\":true}");
        assertThat(guests.open(guests.seal(erased))).isEqualTo(erased);
        ObjectNode clear = new ObjectMapper().createObjectNode().put("name", "Old").put("email", "old@example.com");
        assertThat(guests.open(clear)).isEqualTo(new Guest("Old", "old@example.com"));
        assertThat(guests.seal(guests.open(clear)).get("guestId").asText()).isEqualTo(ids().of("old@example.com"));
    }

    @Test
    void keysRestoredFromABackupAreDestroyedAgainFromTheErasures() {
        Node node = node(Duration.ZERO);
        SealedGuests guests = node.guests();
        String email = unique("kay");
        ObjectNode sealed = guests.seal(new Guest("Kay", email));
        String guestId = sealed.get("guestId").asText();
        byte[] backup = jdbc.sql("SELECT secret_key FROM guest_key WHERE guest_id = ?").param(guestId)
                            .query(byte[].class).single();
        var backupCreatedAt = jdbc.sql("SELECT created_at FROM guest_key WHERE guest_id = ?").param(guestId)
                                  .query(java.time.OffsetDateTime.class).single();
        var erasedAt = node.keys().destroy(guestId).orElseThrow();
        jdbc.sql("""
                 INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, event_identifier, payload,
                                                 payload_type, payload_revision, time_stamp)
                 VALUES (?, 0, ?, convert_to(?, 'UTF8'), 'hotel.booking.api.GuestErased', '1', ?)""")
            .params(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "{\"guestId\":\"" + guestId + "\",\"erasedBy\":\"staff\",\"erasedAt\":\"" + erasedAt + "\"}",
                    erasedAt.toString())
            .update();
        jdbc.sql("INSERT INTO guest_key (guest_id, secret_key, created_at) VALUES (?, ?, ?)")
            .params(guestId, backup, backupCreatedAt).update();
        assertThat(guests.open(sealed).name()).as("the restored key opens the old events").isEqualTo("Kay");

        assertThat(new ErasedKeys(jdbc).destroyRestored()).isEqualTo(1);

        assertThat(guests.open(sealed).erased()).isTrue();
        ObjectNode sealedAgain = guests.seal(new Guest("Kay", email));
        assertThat(new ErasedKeys(jdbc).destroyRestored()).as("a key made after the erasure stays").isZero();
        assertThat(guests.open(sealedAgain).name()).isEqualTo("Kay");
    }
}
