package hotel.booking.command.room;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import hotel.booking.api.ChangeStay;
import hotel.booking.api.CompleteMove;
import hotel.booking.api.FailMove;
import hotel.booking.api.MoveFailed;
import hotel.booking.api.MoveRequested;
import hotel.booking.api.RateOverride;
import hotel.booking.api.BlockLifted;
import hotel.booking.api.BlockNights;
import hotel.booking.api.ConfirmHold;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.HoldRoom;
import hotel.booking.api.LiftBlock;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RegisterRoom;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.RequestMove;
import hotel.booking.api.ReserveMovedStay;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.SetRoomRate;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
import hotel.booking.api.Tariff;
import hotel.booking.api.UndoMoveIn;
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
import java.util.ArrayList;
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
    private List<RateOverride> rates = new ArrayList<>();
    private Map<UUID, PendingMove> movesOut = new HashMap<>();

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
    /** The price each hold not yet confirmed recorded, night by night, for its confirmation to carry. */
    private Map<UUID, StayPrice> heldPrices = new HashMap<>();

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
        StayPrice price = priceOf(command.stay());
        apply(new RoomHeld(roomNumber, command.reservationId(), command.stay(), price, command.expiresAt(),
                command.guest()));
        deadlines.schedule(command.expiresAt(), HoldExpiry.DEADLINE, new HoldExpiry(command.reservationId()));
        return price.total();
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
        StayPrice recorded = heldPrices.get(command.reservationId());
        apply(recorded == null
                ? new HoldConfirmed(roomNumber, command.reservationId(), booked.stay(), booked.price())
                : new HoldConfirmed(roomNumber, command.reservationId(), booked.stay(), recorded.total(),
                        recorded.nights(), recorded.currency()));
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
        heldPrices.keySet().retainAll(holds.keySet());
        holds.put(event.reservationId(), event.expiresAt());
        if (event.nightlyPrices() != null) {
            heldPrices.put(event.reservationId(), new StayPrice(event.totalPrice(),
                    event.currency() == null ? StayPrice.HOTEL_CURRENCY : event.currency(), event.nightlyPrices()));
        }
    }

    @EventSourcingHandler
    void on(HoldConfirmed event) {
        holds.remove(event.reservationId());
        heldPrices.remove(event.reservationId());
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
        StayPrice price = priceOf(command.stay());
        apply(new RoomReserved(roomNumber, command.reservationId(), command.stay(), price, command.guest()));
        return price.total();
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

    private StayPrice priceOf(Stay stay) {
        return new Tariff(nightlyRate, rates).price(stay);
    }

    @CommandHandler
    void handle(SetRoomRate command) {
        RatePolicy.check(command.rate());
        if (rates.isEmpty() || !rates.get(rates.size() - 1).equals(command.rate())) {
            apply(new RoomRateSet(roomNumber, command.rate()));
        }
    }

    /** New dates in one decision: the reservation holds its old nights until it holds the new ones. */
    @CommandHandler
    BigDecimal handle(ChangeStay command) {
        BookedStay booked = activeBooking(command.reservationId());
        if (booked.stay().equals(command.stay())) {
            return booked.price();
        }
        refuseWhileHeld(command.reservationId(), "new dates");
        refuseWhileMoving(command.reservationId());
        StayPolicy.check(command.stay());
        refuseTakenNights(command.stay(), command.reservationId());
        StayPrice price = priceOf(command.stay());
        apply(new StayChanged(roomNumber, command.reservationId(), booked.stay(), command.stay(), price));
        return price.total();
    }

    @CommandHandler
    void handle(RequestMove command) {
        BookedStay booked = activeBooking(command.reservationId());
        refuseWhileHeld(command.reservationId(), "a move");
        refuseWhileMoving(command.reservationId());
        if (roomNumber.equals(command.targetRoom())) {
            throw new RoomRuleViolation(Rejection.ALREADY_IN_ROOM,
                    "Reservation " + command.reservationId() + " is already in room " + roomNumber);
        }
        apply(new MoveRequested(roomNumber, command.reservationId(), booked.stay(), command.targetRoom(),
                command.moveId(), booked.guest()));
    }

    /** @return the price of the stay in this room */
    @CommandHandler
    BigDecimal handle(ReserveMovedStay command) {
        var known = bookings.find(command.reservationId()).filter(BookedStay::active);
        if (known.isPresent()) {
            if (known.get().stay().equals(command.stay())) {
                return known.get().price();
            }
            throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                    "Room " + roomNumber + " already holds reservation " + command.reservationId());
        }
        StayPolicy.check(command.stay());
        refuseTakenNights(command.stay(), command.reservationId());
        StayPrice price = priceOf(command.stay());
        apply(new StayMovedIn(roomNumber, command.reservationId(), command.stay(), price, command.fromRoom(),
                command.moveId(), command.guest()));
        return price.total();
    }

    @CommandHandler
    void handle(CompleteMove command) {
        BookedStay booked = activeBooking(command.reservationId());
        PendingMove pending = movesOut.get(command.reservationId());
        if (pending == null || !pending.moveId().equals(command.moveId())) {
            throw new RoomRuleViolation(Rejection.NOT_BEING_MOVED,
                    "Reservation " + command.reservationId() + " is not moving out of room " + roomNumber);
        }
        apply(new RoomReleased(roomNumber, command.reservationId(), booked.stay(), ReleaseReason.MOVED));
    }

    @CommandHandler
    void handle(UndoMoveIn command) {
        BookedStay booked = activeBooking(command.reservationId());
        apply(new RoomReleased(roomNumber, command.reservationId(), booked.stay(), ReleaseReason.MOVE_UNDONE));
    }

    /** A move that is not (or no longer) pending has nothing to fail: a retried failure changes nothing. */
    @CommandHandler
    void handle(FailMove command) {
        PendingMove pending = movesOut.get(command.reservationId());
        if (pending != null && pending.moveId().equals(command.moveId())) {
            apply(new MoveFailed(roomNumber, command.reservationId(), pending.targetRoom(), command.moveId(),
                    command.rejection(), command.detail()));
        }
    }

    private BookedStay activeBooking(UUID reservationId) {
        BookedStay booked = bookings.find(reservationId).filter(stay -> !stay.outOfService()).orElseThrow(() -> new RoomRuleViolation(
                Rejection.RESERVATION_NOT_FOUND, "Room " + roomNumber + " has no reservation " + reservationId));
        if (!booked.active()) {
            throw new RoomRuleViolation(Rejection.RESERVATION_ALREADY_RELEASED,
                    "Reservation " + reservationId + " was already released");
        }
        return booked;
    }

    /** A hold not yet confirmed keeps its nights and room until it is confirmed, released or expires. */
    private void refuseWhileHeld(UUID reservationId, String what) {
        if (holds.containsKey(reservationId)) {
            throw new RoomRuleViolation(Rejection.HOLD_NOT_CONFIRMED, "Reservation " + reservationId
                    + " is a hold not yet confirmed; confirm it before asking for " + what);
        }
    }

    private void refuseWhileMoving(UUID reservationId) {
        PendingMove pending = movesOut.get(reservationId);
        if (pending != null) {
            throw new RoomRuleViolation(Rejection.RESERVATION_BEING_MOVED, "Reservation " + reservationId
                    + " is moving to room " + pending.targetRoom() + "; try again in a moment");
        }
    }

    private void refuseTakenNights(Stay stay, UUID reservationId) {
        bookings.conflictWith(stay, reservationId).ifPresent(taken -> {
            throw new RoomRuleViolation(Rejection.NIGHTS_TAKEN,
                    "Room " + roomNumber + " is already booked for " + taken.getValue().stay()
                            + ", which shares a night with " + stay);
        });
    }

    Bookings bookings() {
        return bookings;
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

    @EventSourcingHandler
    void on(RoomRateSet event, @Timestamp Instant at) {
        LocalDate forgetBefore = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(Bookings.RETAINED_DAYS);
        rates = new ArrayList<>(new Tariff(nightlyRate, rates).with(event.rate())
                                                              .withoutOverridesEndingBefore(forgetBefore).overrides());
    }

    @EventSourcingHandler
    void on(StayChanged event) {
        bookings.find(event.reservationId()).ifPresent(booked ->
                bookings.add(event.reservationId(), booked.changedTo(event.stay(), event.totalPrice())));
    }

    @EventSourcingHandler
    void on(MoveRequested event) {
        forgetFinishedMoves();
        movesOut.put(event.reservationId(), new PendingMove(event.targetRoom(), event.moveId()));
    }

    @EventSourcingHandler
    void on(StayMovedIn event) {
        forgetFinishedMoves();
        movesOut.remove(event.reservationId());
        bookings.add(event.reservationId(), BookedStay.movedIn(event.stay(), event.totalPrice(), event.guest()));
    }

    @EventSourcingHandler
    void on(MoveFailed event) {
        movesOut.remove(event.reservationId());
    }

    /** A move out ends with the release of the reservation (reason MOVED); its entry is then of no use. */
    private void forgetFinishedMoves() {
        movesOut.keySet().removeIf(id -> bookings.find(id).filter(BookedStay::active).isEmpty());
    }
}
