package hotel.booking.command.move;

import hotel.booking.api.CompleteMove;
import hotel.booking.api.FailMove;
import hotel.booking.api.MoveFailed;
import hotel.booking.api.Guest;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.NightPrice;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReserveMovedStay;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.Stay;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
import hotel.booking.api.UndoMoveIn;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RejectionDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The move saga: the new nights first, the old ones released last, and nothing lost when a step fails. */
class ReservationMoveTest {

    private static final Stay STAY = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-03"));
    private static final StayPrice SUITE_PRICE = new StayPrice(new BigDecimal("400.00"), "EUR",
            List.of(new NightPrice(STAY.checkIn(), new BigDecimal("200.00")),
                    new NightPrice(STAY.checkIn().plusDays(1), new BigDecimal("200.00"))));

    private static final Guest GUEST = new Guest("Ada Lovelace", "ada@example.com");

    private final UUID ada = UUID.randomUUID();
    private final UUID move = UUID.randomUUID();
    private final MoveRequested requested = new MoveRequested("101", ada, STAY, "102", move, GUEST);
    private final StayMovedIn movedIn = new StayMovedIn("102", ada, STAY, SUITE_PRICE, "101", move, GUEST);
    private SagaTestFixture<ReservationMove> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ReservationMove.class);
    }

    private static CommandExecutionException refused(Rejection rejection, String detail) {
        return new CommandExecutionException(detail, null, new RejectionDetails(rejection, detail));
    }

    @Test
    void aRequestedMoveFirstSecuresTheNightsInTheNewRoom() {
        fixture.givenNoPriorActivity()
               .whenAggregate("101").publishes(requested)
               .expectActiveSagas(1)
               .expectDispatchedCommands(new ReserveMovedStay("102", ada, STAY, "101", move, GUEST));
    }

    @Test
    void onceTheNewRoomHoldsTheNightsTheOldRoomReleasesThem() {
        fixture.givenAggregate("101").published(requested)
               .whenAggregate("102").publishes(movedIn)
               .expectActiveSagas(1)
               .expectDispatchedCommands(new CompleteMove("101", ada, move));
    }

    @Test
    void theMoveEndsWhenTheOldRoomHasReleasedTheReservation() {
        fixture.givenAggregate("101").published(requested)
               .andThenAggregate("102").published(movedIn)
               .whenAggregate("101").publishes(new RoomReleased("101", ada, STAY, ReleaseReason.MOVED))
               .expectActiveSagas(0)
               .expectNoDispatchedCommands();
    }

    @Test
    void whenTheNewRoomRefusesTheOldRoomIsToldAndKeepsTheReservationUntouched() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReserveMovedStay) {
                throw refused(Rejection.NIGHTS_TAKEN, "Room 102 is already booked");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
               .whenAggregate("101").publishes(requested)
               .expectDispatchedCommands(new ReserveMovedStay("102", ada, STAY, "101", move, GUEST),
                       new FailMove("101", ada, move, "NIGHTS_TAKEN", "Room 102 is already booked"));
    }

    @Test
    void aFailedMoveEndsTheSaga() {
        fixture.givenAggregate("101").published(requested)
               .whenAggregate("101").publishes(new MoveFailed("101", ada, "102", move, "NIGHTS_TAKEN", "taken"))
               .expectActiveSagas(0)
               .expectNoDispatchedCommands();
    }

    @Test
    void whenTheOldRoomCannotReleaseTheNewRoomGivesItsNightsBack() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof CompleteMove) {
                throw refused(Rejection.RESERVATION_ALREADY_RELEASED, "Reservation was already released");
            }
            return null;
        });

        fixture.givenAggregate("101").published(requested)
               .whenAggregate("102").publishes(movedIn)
               .expectDispatchedCommands(new CompleteMove("101", ada, move), new UndoMoveIn("102", ada, move),
                       new FailMove("101", ada, move, "RESERVATION_ALREADY_RELEASED",
                               "Reservation was already released"));
    }

    @Test
    void anotherReservationsEventsDoNotConcernTheMove() {
        UUID bob = UUID.randomUUID();

        fixture.givenAggregate("101").published(requested)
               .whenAggregate("103").publishes(new RoomReleased("103", bob, STAY, ReleaseReason.MOVED))
               .expectActiveSagas(1)
               .expectNoDispatchedCommands();
    }

    @Test
    void aReleaseOfTheNewRoomIsNotTheEndOfTheMove() {
        fixture.givenAggregate("101").published(requested)
               .andThenAggregate("102").published(movedIn)
               .whenAggregate("102").publishes(new RoomReleased("102", ada, STAY, ReleaseReason.MOVE_UNDONE))
               .expectActiveSagas(1);
    }
}
