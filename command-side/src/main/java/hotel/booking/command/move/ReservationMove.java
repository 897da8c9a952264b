package hotel.booking.command.move;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import hotel.booking.api.CompleteMove;
import hotel.booking.api.FailMove;
import hotel.booking.api.MoveFailed;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReserveMovedStay;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.UndoMoveIn;
import hotel.booking.command.room.RejectionDetails;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

/**
 * Moves a reservation to another room, across two Room aggregates, never leaving the guest without
 * a room: the target room takes the nights first, then the old room releases them (reason
 * {@code MOVED}). If the target refuses, the old room is told and keeps the reservation; if the
 * old room cannot release, the target gives its nights back (compensation) and the move fails.
 */
@Saga
@ProcessingGroup(ReservationMove.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReservationMove {

    public static final String PROCESSING_GROUP = "reservation-moves";
    private static final Logger log = LoggerFactory.getLogger(ReservationMove.class);

    @Autowired
    @JsonIgnore
    private transient CommandGateway commands;

    private UUID moveId;
    private UUID reservationId;
    private String fromRoom;
    private String toRoom;

    /** Always a saga of its own: one left over from an earlier move of the reservation must not take it. */
    @StartSaga(forceNew = true)
    @SagaEventHandler(associationProperty = "reservationId")
    void on(MoveRequested event) {
        moveId = event.moveId();
        reservationId = event.reservationId();
        fromRoom = event.roomNumber();
        toRoom = event.targetRoom();
        commands.send(new ReserveMovedStay(toRoom, reservationId, event.stay(), fromRoom, moveId, event.guest()))
                .exceptionally(refused -> fail(refused));
    }

    @SagaEventHandler(associationProperty = "reservationId")
    void on(StayMovedIn event) {
        if (!moveId.equals(event.moveId())) {
            return;
        }
        commands.send(new CompleteMove(fromRoom, reservationId, moveId))
                .exceptionally(refused -> {
                    log.warn("Room {} could not release reservation {} moving to room {}; undoing the move",
                            fromRoom, reservationId, toRoom, refused);
                    commands.send(new UndoMoveIn(toRoom, reservationId, moveId))
                            .exceptionally(undoFailed -> {
                                log.error("Room {} could not give back the nights of reservation {}",
                                        toRoom, reservationId, undoFailed);
                                return null;
                            });
                    return fail(refused);
                });
    }

    @SagaEventHandler(associationProperty = "reservationId")
    void on(RoomReleased event) {
        if (event.reason() == ReleaseReason.MOVED && fromRoom.equals(event.roomNumber())) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = "reservationId")
    void on(MoveFailed event) {
        if (moveId.equals(event.moveId())) {
            SagaLifecycle.end();
        }
    }

    private Object fail(Throwable refused) {
        var details = RejectionDetails.of(refused);
        String rejection = details.map(d -> d.rejection().name()).orElse("ERROR");
        String detail = details.map(RejectionDetails::detail).orElseGet(() -> String.valueOf(refused.getMessage()));
        commands.send(new FailMove(fromRoom, reservationId, moveId, rejection, detail));
        return null;
    }
}
