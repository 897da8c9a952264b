package hotel.booking.query.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.GuestErased;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection as a plain object on a real PostgreSQL. */
class ReservationProjectionTest {

    private static ReservationProjection projection;

    @BeforeAll
    static void database() {
        projection = new ReservationProjection(JdbcClient.create(TestPostgres.migratedDataSource()));
    }

    private final UUID id = UUID.randomUUID();
    private final Stay stay = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-04"));
    private final Instant bookedAt = Instant.parse("2030-12-01T10:15:30Z");

    private RoomReserved reserved() {
        return new RoomReserved("101", id, stay, new BigDecimal("300.00"), new Guest("Ada", "ada@example.com"));
    }

    @Test
    void aReservationIsConfirmedWithItsStayPriceAndGuest() {
        projection.on(reserved(), bookedAt);

        assertThat(projection.handle(new FindReservation(id))).hasValueSatisfying(view -> {
            assertThat(view.roomNumber()).isEqualTo("101");
            assertThat(view.checkIn()).isEqualTo(stay.checkIn());
            assertThat(view.nights()).isEqualTo(3);
            assertThat(view.totalPrice()).isEqualByComparingTo("300.00");
            assertThat(view.status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(view.guestName()).isEqualTo("Ada");
            assertThat(view.bookedAt()).isEqualTo(bookedAt);
        });
    }

    @Test
    void aReleasedReservationIsCancelledWithReasonAndTime() {
        Instant releasedAt = bookedAt.plusSeconds(3600);
        projection.on(reserved(), bookedAt);
        projection.on(new RoomReleased("101", id, stay, ReleaseReason.CANCELLED_BY_STAFF), releasedAt);

        assertThat(projection.handle(new FindReservation(id))).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(view.releasedAt()).isEqualTo(releasedAt);
            assertThat(view.releaseReason()).isEqualTo("CANCELLED_BY_STAFF");
        });
    }

    @Test
    void handlingTheSameEventAgainChangesNothing() {
        projection.on(reserved(), bookedAt);
        projection.on(new RoomReleased("101", id, stay, ReleaseReason.CANCELLED_BY_GUEST), bookedAt.plusSeconds(1));
        projection.on(reserved(), bookedAt);

        assertThat(projection.handle(new FindReservation(id)).orElseThrow().status())
                .isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void erasingTheGuestDropsTheNameAndEmailOfItsEarlierBookingsOnly() {
        String ada = "ada-" + UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant erasedAt = bookedAt.plusSeconds(60);
        projection.on(reserved(id, Guest.identified(ada, "Ada", "ada@example.com")), bookedAt);
        projection.on(reserved(other, Guest.identified("bob-" + UUID.randomUUID(), "Bob", "bob@example.com")), bookedAt);

        projection.on(new GuestErased(ada, "staff", erasedAt));
        projection.on(reserved(later, Guest.identified(ada, "Ada", "ada@example.com")), erasedAt.plusSeconds(1));

        assertThat(projection.handle(new FindReservation(id))).hasValueSatisfying(view -> {
            assertThat(view.guestName()).isNull();
            assertThat(view.guestEmail()).isNull();
            assertThat(view.guestErased()).isTrue();
            assertThat(view.totalPrice()).isEqualByComparingTo("300.00");
            assertThat(view.status()).isEqualTo(ReservationStatus.CONFIRMED);
        });
        assertThat(projection.handle(new FindReservation(other)).orElseThrow().guestName()).isEqualTo("Bob");
        assertThat(projection.handle(new FindReservation(later)).orElseThrow().guestName())
                .as("booked again after the erasure").isEqualTo("Ada");
    }

    @Test
    void aBookingProjectedAfterItsGuestsErasureIsStoredWithoutTheGuest() {
        String eve = "eve-" + UUID.randomUUID();
        projection.on(new GuestErased(eve, "staff", bookedAt.plusSeconds(60)));

        projection.on(reserved(id, Guest.identified(eve, "Eve", "eve@example.com")), bookedAt);

        ReservationView view = projection.handle(new FindReservation(id)).orElseThrow();
        assertThat(view.guestName()).isNull();
        assertThat(view.guestErased()).isTrue();
    }

    @Test
    void aGuestReadAsErasedIsStoredErased() {
        projection.on(reserved(id, Guest.erased("gone-" + UUID.randomUUID())), bookedAt);

        ReservationView view = projection.handle(new FindReservation(id)).orElseThrow();
        assertThat(view.guestName()).isNull();
        assertThat(view.guestEmail()).isNull();
        assertThat(view.guestErased()).isTrue();
    }

    private RoomReserved reserved(UUID reservationId, Guest guest) {
        return new RoomReserved("101", reservationId, stay, new BigDecimal("300.00"), guest);
    }

    @Test
    void anUnknownReservationIsNotFound() {
        assertThat(projection.handle(new FindReservation(UUID.randomUUID()))).isEmpty();
    }
    @Test
    void aHoldIsHeldUntilConfirmed() {
        Instant expiresAt = bookedAt.plusSeconds(600);
        projection.on(new RoomHeld("101", id, stay, new BigDecimal("300.00"), expiresAt,
                new Guest("Ada", "ada@example.com")), bookedAt);
        assertThat(projection.handle(new FindReservation(id))).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(ReservationStatus.HELD);
            assertThat(view.holdExpiresAt()).isEqualTo(expiresAt);
        });

        projection.on(new HoldConfirmed("101", id, stay, new BigDecimal("300.00")));
        assertThat(projection.handle(new FindReservation(id)).orElseThrow().status())
                .isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void anExpiredHoldSaysWhy() {
        projection.on(new RoomHeld("101", id, stay, new BigDecimal("300.00"), bookedAt.plusSeconds(600),
                new Guest("Ada", "ada@example.com")), bookedAt);
        projection.on(new RoomReleased("101", id, stay, ReleaseReason.HOLD_EXPIRED), bookedAt.plusSeconds(601));

        ReservationView view = projection.handle(new FindReservation(id)).orElseThrow();
        assertThat(view.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(view.releaseReason()).isEqualTo("HOLD_EXPIRED");
    }
}
