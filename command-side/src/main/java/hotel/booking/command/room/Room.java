package hotel.booking.command.room;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import hotel.booking.api.BlockLifted;
import hotel.booking.api.BlockNights;
import hotel.booking.api.ConfirmHold;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.HoldRoom;
import hotel.booking.api.LiftBlock;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RegisterRoom;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One physical room. It decides every booking of its nights: a stay is valid, no night is taken
 * twice, a reservation is released once, and a retried booking is recognised.
 */
@Aggregate(snapshotTriggerDefinition = "roomSnapshotTrigger", cache = "roomCache")
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

    /** Holds not yet confirmed, with when each ends; one whose booking is released is no longer held. */
    private Map<UUID, Instant> holds = new HashMap<>();

    /** @return the price of the held stay, also when the command is a retry of a hold already made */
    @CommandHandler
    BigDecimal handle(HoldRoom command, DeadlineManager deadlines) {
        var known = bookings.find(command.reservationId());
        if (known.isPresent()) {
            if (known.get().active() && known.get().sameBookingAs(
                    new ReserveRoom(roomNumber, command.reservationId(), command.stay(), command.guest()))) {
                return known.get().price();
            }
            throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                    "Reservation " + command.reservationId() + " already exists with other details");
        }
        StayPolicy.check(command.stay());
        bookings.conflictWith(command.stay()).ifPresent(taken -> {
            throw new RoomRuleViolation(Rejection.NIGHTS_TAKEN,
                    "Room " + roomNumber + " is not free for " + command.stay());
        });
        BigDecimal price = priceOf(command.stay());
        apply(new RoomHeld(roomNumber, command.reservationId(), command.stay(), price, command.expiresAt(),
                command.guest()));
        deadlines.schedule(command.expiresAt(), HoldExpiry.DEADLINE, new HoldExpiry(command.reservationId()));
        return price;
    }

    /** @return the price of the reservation the hold became */
    @CommandHandler
    BigDecimal handle(ConfirmHold command) {
        BookedStay booked = bookings.find(command.reservationId()).filter(stay -> !stay.outOfService())
                                    .orElseThrow(() -> new RoomRuleViolation(Rejection.RESERVATION_NOT_FOUND,
                                            "Room " + roomNumber + " has no hold " + command.reservationId()));
        if (!booked.active()) {
            throw new RoomRuleViolation(Rejection.HOLD_EXPIRED,
                    "Hold " + command.reservationId() + " has ended; its nights were given back");
        }
        Instant expiresAt = holds.get(command.reservationId());
        if (expiresAt == null) {
            return booked.price();
        }
        if (!command.at().isBefore(expiresAt)) {
            throw new RoomRuleViolation(Rejection.HOLD_EXPIRED,
                    "Hold " + command.reservationId() + " expired at " + expiresAt);
        }
        apply(new HoldConfirmed(roomNumber, command.reservationId(), booked.stay(), booked.price()));
        return booked.price();
    }

    @DeadlineHandler(deadlineName = HoldExpiry.DEADLINE)
    void on(HoldExpiry expiry) {
        UUID id = expiry.reservationId();
        bookings.find(id).filter(booked -> booked.active() && holds.containsKey(id)).ifPresent(booked ->
                apply(new RoomReleased(roomNumber, id, booked.stay(), ReleaseReason.HOLD_EXPIRED)));
    }

    /** @return the reservations in the way: none when the nights were blocked (or already were) */
    @CommandHandler
    List<NightsInTheWay> handle(BlockNights command) {
        var known = bookings.find(command.blockId());
        if (known.isPresent()) {
            if (known.get().outOfService() && known.get().active() && known.get().stay().equals(command.nights())) {
                return List.of();
            }
            throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                    "Block " + command.blockId() + " already exists with other details");
        }
        BlockPolicy.check(command.nights());
        List<NightsInTheWay> inTheWay = bookings.guestsIn(command.nights());
        if (inTheWay.isEmpty()) {
            apply(new NightsBlocked(roomNumber, command.blockId(), command.nights(), command.reason()));
        }
        return inTheWay;
    }

    @CommandHandler
    void handle(LiftBlock command) {
        BookedStay block = bookings.find(command.blockId())
                                   .filter(booked -> booked.outOfService() && booked.active())
                                   .orElseThrow(() -> new RoomRuleViolation(Rejection.BLOCK_NOT_FOUND,
                                           "Room " + roomNumber + " has no block " + command.blockId() + " in force"));
        apply(new BlockLifted(roomNumber, command.blockId(), block.stay()));
    }

    @EventSourcingHandler
    void on(RoomHeld event, @Timestamp Instant at) {
        bookings.forgetEndedBefore(LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(Bookings.RETAINED_DAYS));
        bookings.add(event.reservationId(), BookedStay.of(event.stay(), event.totalPrice(), event.guest()));
        holds.keySet().removeIf(id -> bookings.find(id).filter(BookedStay::active).isEmpty());
        holds.put(event.reservationId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(HoldConfirmed event) {
        holds.remove(event.reservationId());
    }

    @EventSourcingHandler
    void on(NightsBlocked event) {
        bookings.add(event.blockId(), BookedStay.outOfService(event.nights()));
    }

    @EventSourcingHandler
    void on(BlockLifted event) {
        bookings.release(event.blockId());
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
