package hotel.booking.query.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.NightPrice;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The reservation as its guest sees it through new dates and moves. */
class ReservationChangesAndMovesTest {

    private static ReservationProjection projection;

    @BeforeAll
    static void database() {
        projection = new ReservationProjection(JdbcClient.create(TestPostgres.migratedDataSource()));
    }

    private final UUID id = UUID.randomUUID();
    private final Stay stay = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-03"));
    private final Instant at = Instant.parse("2030-12-01T10:15:30Z");
    private final StayPrice suite = new StayPrice(new BigDecimal("500.00"), "EUR",
            List.of(new NightPrice(stay.checkIn(), new BigDecimal("250.00")),
                    new NightPrice(stay.checkIn().plusDays(1), new BigDecimal("250.00"))));

    private void booked() {
        projection.on(new RoomReserved("101", id, stay, new BigDecimal("200.00"), new Guest("Ada", "a@b.cd")), at);
    }

    private ReservationView view() {
        return projection.handle(new FindReservation(id)).orElseThrow();
    }

    @Test
    void newDatesShowWithTheirNewPrice() {
        booked();
        Stay later = new Stay(stay.checkIn().plusDays(5), stay.checkOut().plusDays(6));

        projection.on(new StayChanged("101", id, stay, later, new BigDecimal("300.00"), null, "EUR"));

        assertThat(view().checkIn()).isEqualTo(later.checkIn());
        assertThat(view().nights()).isEqualTo(3);
        assertThat(view().totalPrice()).isEqualByComparingTo("300.00");
        assertThat(view().status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aMoveShowsOnceTheOldRoomHasReleasedTheReservation() {
        booked();
        projection.on(new StayMovedIn("102", id, stay, suite, "101", UUID.randomUUID(), null));

        assertThat(view().roomNumber()).as("under way").isEqualTo("101");

        projection.on(new RoomReleased("101", id, stay, ReleaseReason.MOVED), at.plusSeconds(1));

        assertThat(view().roomNumber()).isEqualTo("102");
        assertThat(view().totalPrice()).isEqualByComparingTo("500.00");
        assertThat(view().status()).isEqualTo(ReservationStatus.CONFIRMED);

        projection.on(new RoomReleased("102", id, stay, ReleaseReason.CANCELLED_BY_GUEST), at.plusSeconds(2));
        assertThat(view().status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void anUndoneMoveLeavesTheReservationAsItWas() {
        booked();
        projection.on(new StayMovedIn("102", id, stay, suite, "101", UUID.randomUUID(), null));
        projection.on(new RoomReleased("102", id, stay, ReleaseReason.MOVE_UNDONE), at.plusSeconds(1));

        assertThat(view().roomNumber()).isEqualTo("101");
        assertThat(view().totalPrice()).isEqualByComparingTo("200.00");
        assertThat(view().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(view().currency()).isEqualTo("EUR");
    }
}
