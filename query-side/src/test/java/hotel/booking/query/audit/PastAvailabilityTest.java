package hotel.booking.query.audit;

import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.platform.eventstore.StorageSerializerConfiguration;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.NightAvailability;
import hotel.booking.query.availability.RoomAvailability;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The past as it was, folded from the event table on a real PostgreSQL. */
class PastAvailabilityTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");
    private static final AvailabilityQuery FIRST_WEEK = new AvailabilityQuery(D1, D1.plusDays(7), null, null);
    private static final Stay SECOND_AND_THIRD_NIGHT = new Stay(D1.plusDays(1), D1.plusDays(3));

    private static DataSource dataSource;
    private static StoredEventWriter store;
    private static PastAvailability past;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
        store = new StoredEventWriter(dataSource);
        past = new PastAvailability(dataSource, new DataSourceTransactionManager(dataSource),
                StorageSerializerConfiguration.storageSerializer(StoredEventWriter.sealedGuests(dataSource)));
    }

    @BeforeEach
    void anEmptyEventStore() {
        new JdbcTemplate(dataSource).execute("TRUNCATE domain_event_entry RESTART IDENTITY");
    }

    private static RoomRegistered registered(String room, RoomType type) {
        return new RoomRegistered(room, type, 2, new BigDecimal("120.00"));
    }

    private static RoomReserved reserved(String room, UUID id, Stay stay) {
        return new RoomReserved(room, id, stay, new BigDecimal("240.00"), new Guest("Ada", "ada@example.com"));
    }

    private static RoomReleased released(String room, UUID id, Stay stay) {
        return new RoomReleased(room, id, stay, ReleaseReason.CANCELLED_BY_GUEST);
    }

    /** Room 101: registered at 09:00, booked for the 2nd and 3rd night at 10:00, cancelled at 11:00. */
    private void aBookingCancelledAnHourLater() {
        UUID id = UUID.randomUUID();
        store.append("101", 0, registered("101", RoomType.DOUBLE), "2030-12-01T09:00:00.000Z");
        store.append("101", 1, reserved("101", id, SECOND_AND_THIRD_NIGHT), "2030-12-01T10:00:00.000Z");
        store.append("101", 2, released("101", id, SECOND_AND_THIRD_NIGHT), "2030-12-01T11:00:00.000Z");
    }

    private static List<Boolean> nightsOf(AvailabilityAsOf answer, String room) {
        return answer.rooms().stream().filter(r -> r.roomNumber().equals(room)).findFirst()
                     .map(r -> r.nights().stream().map(NightAvailability::available).toList())
                     .orElseThrow(() -> new AssertionError("No room " + room + " in " + answer.rooms()));
    }

    private static final List<Boolean> ALL_FREE = List.of(true, true, true, true, true, true, true);
    private static final List<Boolean> SECOND_AND_THIRD_TAKEN = List.of(true, false, false, true, true, true, true);

    private static AvailabilityAsOf at(String asOf) {
        return past.at(Instant.parse(asOf), FIRST_WEEK);
    }

    @Test
    void aRoomBookedAndThenCancelledIsFreeBeforeTheBookingTakenUntilTheCancelAndFreeAfter() {
        aBookingCancelledAnHourLater();

        assertThat(nightsOf(at("2030-12-01T09:59:59.999Z"), "101")).isEqualTo(ALL_FREE);
        assertThat(nightsOf(at("2030-12-01T10:00:00Z"), "101")).isEqualTo(SECOND_AND_THIRD_TAKEN);
        assertThat(nightsOf(at("2030-12-01T10:59:59.999999999Z"), "101")).isEqualTo(SECOND_AND_THIRD_TAKEN);
        assertThat(nightsOf(at("2030-12-01T11:00:00Z"), "101")).isEqualTo(ALL_FREE);
        assertThat(nightsOf(at("2031-06-01T00:00:00Z"), "101")).isEqualTo(ALL_FREE);
    }

    @Test
    void theAnswerHasTheShapeOfTodaysAvailabilityWithTheInstantAndTheLastEventItTookIntoAccount() {
        aBookingCancelledAnHourLater();
        long secondEvent = new JdbcTemplate(dataSource).queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE sequence_number = 1", Long.class);

        AvailabilityAsOf answer = at("2030-12-01T10:30:00Z");

        assertThat(answer.asOf()).isEqualTo(Instant.parse("2030-12-01T10:30:00Z"));
        assertThat(answer.from()).isEqualTo(D1);
        assertThat(answer.to()).isEqualTo(D1.plusDays(7));
        assertThat(answer.position()).isEqualTo(secondEvent);
        RoomAvailability room = answer.rooms().get(0);
        assertThat(room.roomNumber()).isEqualTo("101");
        assertThat(room.type()).isEqualTo(RoomType.DOUBLE);
        assertThat(room.capacity()).isEqualTo(2);
        assertThat(room.nightlyRate()).isEqualByComparingTo("120.00");
        assertThat(room.nights()).extracting(NightAvailability::date).startsWith(D1, D1.plusDays(1))
                                 .hasSize(7);
    }

    @Test
    void aRoomRegisteredAfterTheInstantIsNotThere() {
        aBookingCancelledAnHourLater();
        store.append("102", 0, registered("102", RoomType.DOUBLE), "2030-12-02T09:00:00.000Z");

        assertThat(at("2030-12-02T08:59:59.999Z").rooms()).extracting(RoomAvailability::roomNumber)
                                                          .containsExactly("101");
        assertThat(at("2030-12-02T09:00:00Z").rooms()).extracting(RoomAvailability::roomNumber)
                                                      .containsExactly("101", "102");
        assertThat(at("2030-12-01T08:00:00Z").rooms()).isEmpty();
        assertThat(at("2030-12-01T08:00:00Z").position()).isZero();
    }

    @Test
    void stampsAreComparedAsInstantsWhateverTheirPrecisionOrOffset() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        Stay firstNight = new Stay(D1, D1.plusDays(1));
        Stay fifthNight = new Stay(D1.plusDays(4), D1.plusDays(5));
        Stay seventhNight = new Stay(D1.plusDays(6), D1.plusDays(7));
        store.append("101", 0, registered("101", RoomType.DOUBLE), "2030-12-01T09:00:00Z");
        // milliseconds, as Axon writes; as text "…00.100Z" sorts after "…00.1000005Z"
        store.append("101", 1, reserved("101", first, firstNight), "2030-12-01T10:00:00.100Z");
        // another offset: 10:00:00.2 UTC, though as text it sorts after every 10 o'clock stamp
        store.append("101", 2, reserved("101", second, fifthNight), "2030-12-01T12:00:00.2+02:00");
        // finer than PostgreSQL's microseconds
        store.append("101", 3, reserved("101", third, seventhNight), "2030-12-01T10:00:00.300000900Z");

        assertThat(nightsOf(at("2030-12-01T10:00:00.0999999Z"), "101")).containsExactly(true, true, true, true, true,
                true, true);
        assertThat(nightsOf(at("2030-12-01T10:00:00.1000005Z"), "101")).containsExactly(false, true, true, true, true,
                true, true);
        assertThat(nightsOf(at("2030-12-01T11:00:00.15+01:00"), "101")).containsExactly(false, true, true, true, true,
                true, true);
        assertThat(nightsOf(at("2030-12-01T10:00:00.2Z"), "101")).containsExactly(false, true, true, true, false,
                true, true);
        assertThat(nightsOf(at("2030-12-01T10:00:00.300000500Z"), "101")).containsExactly(false, true, true, true,
                false, true, true);
        assertThat(nightsOf(at("2030-12-01T10:00:00.300000900Z"), "101")).containsExactly(false, true, true, true,
                false, true, false);
    }

    @Test
    void onlyTheRoomsOfTheAskedTypeAreThere() {
        aBookingCancelledAnHourLater();
        store.append("201", 0, registered("201", RoomType.SUITE), "2030-12-01T09:00:00.000Z");

        AvailabilityAsOf suites = past.at(Instant.parse("2030-12-01T10:30:00Z"),
                new AvailabilityQuery(D1, D1.plusDays(7), RoomType.SUITE, null));

        assertThat(suites.rooms()).extracting(RoomAvailability::roomNumber).containsExactly("201");
    }

    @Test
    void staysOutsideTheRangeAndBookingsOverlappingItsEdgesCountOnlyForTheirNightsInIt() {
        store.append("101", 0, registered("101", RoomType.DOUBLE), "2030-12-01T09:00:00.000Z");
        store.append("101", 1, reserved("101", UUID.randomUUID(), new Stay(D1.minusDays(3), D1.plusDays(1))),
                "2030-12-01T10:00:00.000Z");
        store.append("101", 2, reserved("101", UUID.randomUUID(), new Stay(D1.plusDays(6), D1.plusDays(9))),
                "2030-12-01T10:00:01.000Z");
        store.append("101", 3, reserved("101", UUID.randomUUID(), new Stay(D1.plusDays(20), D1.plusDays(22))),
                "2030-12-01T10:00:02.000Z");

        assertThat(nightsOf(at("2030-12-02T00:00:00Z"), "101")).containsExactly(false, true, true, true, true, true,
                false);
    }
    @Test
    void heldAndBlockedNightsWereTakenWhileTheyWereHeldOrBlocked() {
        UUID hold = UUID.randomUUID();
        UUID block = UUID.randomUUID();
        Stay firstNight = new Stay(D1, D1.plusDays(1));
        store.append("101", 0, registered("101", RoomType.DOUBLE), "2030-12-01T09:00:00.000Z");
        store.append("101", 1, new hotel.booking.api.RoomHeld("101", hold, firstNight, new BigDecimal("120.00"),
                Instant.parse("2030-12-01T10:10:00Z"), new Guest("Ada", "ada@example.com")), "2030-12-01T10:00:00.000Z");
        store.append("101", 2, new RoomReleased("101", hold, firstNight, ReleaseReason.HOLD_EXPIRED),
                "2030-12-01T10:10:00.500Z");
        store.append("101", 3, new hotel.booking.api.NightsBlocked("101", block, SECOND_AND_THIRD_NIGHT, "paint"),
                "2030-12-01T11:00:00.000Z");
        store.append("101", 4, new hotel.booking.api.BlockLifted("101", block, SECOND_AND_THIRD_NIGHT),
                "2030-12-01T12:00:00.000Z");

        assertThat(nightsOf(at("2030-12-01T10:05:00Z"), "101"))
                .isEqualTo(List.of(false, true, true, true, true, true, true));
        assertThat(nightsOf(at("2030-12-01T10:30:00Z"), "101")).isEqualTo(ALL_FREE);
        AvailabilityAsOf blocked = at("2030-12-01T11:30:00Z");
        assertThat(nightsOf(blocked, "101")).isEqualTo(SECOND_AND_THIRD_TAKEN);
        assertThat(blocked.rooms().get(0).nights().get(1).status()).isEqualTo("out-of-service");
        assertThat(nightsOf(at("2030-12-01T12:00:00Z"), "101")).isEqualTo(ALL_FREE);
    }
}
