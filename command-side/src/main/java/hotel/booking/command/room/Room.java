package hotel.booking.command.room;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import hotel.booking.api.RegisterRoom;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One physical room. It decides every booking of its nights: a stay is valid, no night is taken
 * twice, a reservation is released once, and a retried booking is recognised.
 */
@Aggregate(snapshotTriggerDefinition = "roomSnapshotTrigger")
@Revision("2") // snapshots of revision 1 held a plain hash of each guest: ignored, the Room is rebuilt from its events
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Room {

    @AggregateIdentifier
    private String roomNumber;
    private BigDecimal nightlyRate;
    private Bookings bookings = new Bookings();

    Room() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterRoom command) {
        if (roomNumber != null) {
            throw new RoomRuleViolation(Rejection.ROOM_ALREADY_REGISTERED,
                    "Room " + command.roomNumber() + " is already registered");
        }
        RoomPolicy.check(command);
        apply(new RoomRegistered(command.roomNumber(), command.type(), command.capacity(), command.nightlyRate()));
    }

    /** @return the price of the stay, also when the command is a retry of a booking already made */
    @CommandHandler
    BigDecimal handle(ReserveRoom command) {
        var known = bookings.find(command.reservationId());
        if (known.isPresent()) {
            if (known.get().active() && known.get().sameBookingAs(command)) {
                return known.get().price();
            }
            throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                    "Reservation " + command.reservationId() + " already exists with other details");
        }
        StayPolicy.check(command.stay());
        bookings.conflictWith(command.stay()).ifPresent(taken -> {
            throw new RoomRuleViolation(Rejection.NIGHTS_TAKEN,
                    "Room " + roomNumber + " is already booked for " + taken.getValue().stay()
                            + ", which shares a night with " + command.stay());
        });
        BigDecimal price = priceOf(command.stay());
        apply(new RoomReserved(roomNumber, command.reservationId(), command.stay(), price, command.guest()));
        return price;
    }

    @CommandHandler
    void handle(ReleaseRoom command) {
        BookedStay booked = bookings.find(command.reservationId()).orElseThrow(() -> new RoomRuleViolation(
                Rejection.RESERVATION_NOT_FOUND,
                "Room " + roomNumber + " has no reservation " + command.reservationId()));
        if (!booked.active()) {
            throw new RoomRuleViolation(Rejection.RESERVATION_ALREADY_RELEASED,
                    "Reservation " + command.reservationId() + " was already released");
        }
        apply(new RoomReleased(roomNumber, command.reservationId(), booked.stay(), command.reason()));
    }

    Bookings bookings() {
        return bookings;
    }

    private BigDecimal priceOf(Stay stay) {
        return nightlyRate.multiply(BigDecimal.valueOf(stay.nights()));
    }

    @EventSourcingHandler
    void on(RoomRegistered event) {
        roomNumber = event.roomNumber();
        nightlyRate = event.nightlyRate();
    }

    @EventSourcingHandler
    void on(RoomReserved event, @Timestamp Instant at) {
        bookings.forgetEndedBefore(LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(Bookings.RETAINED_DAYS));
        bookings.add(event.reservationId(), BookedStay.of(event.stay(), event.totalPrice(), event.guest()));
    }

    @EventSourcingHandler
    void on(RoomReleased event) {
        bookings.release(event.reservationId());
    }
}
