package hotel.booking.query.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.GuestErased;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rebuilds {@code reservation_view} in memory as {@link ReservationProjection} writes it: a booking
 * (CONFIRMED) or a hold (HELD, with its deadline) is recorded once, a confirmation turns a held one
 * CONFIRMED, a release marks it cancelled with when and why (an expired hold too, HOLD_EXPIRED); an
 * erased guest's reservations booked until the erasure keep no name or e-mail, and the erasures
 * ({@code reservation_guest_erasure}) are rebuilt with them.
 */
@Component
class ReservationRebuild implements RebuildableProjection {

    private static final List<String> COLUMNS = List.of("reservation_id", "room_number", "check_in", "check_out",
            "total_price", "status", "guest_name", "guest_email", "booked_at", "released_at", "release_reason",
            "currency", "hold_expires_at", "moving_to_room", "moving_price", "moving_currency", "guest_id",
            "guest_erased");

    private static final int ROOM = 1, CHECK_IN = 2, CHECK_OUT = 3, PRICE = 4, STATUS = 5, GUEST_NAME = 6,
            GUEST_EMAIL = 7, BOOKED_AT = 8, RELEASED_AT = 9, RELEASE_REASON = 10, CURRENCY = 11, MOVING_TO = 13,
            MOVING_PRICE = 14, MOVING_CURRENCY = 15, GUEST_ERASED = 17;

    /** An instant as PostgreSQL compares it: to the microsecond, rounded half up as the JDBC driver sends it. */
    private static Instant micros(Instant instant) {
        Instant rounded = instant.truncatedTo(ChronoUnit.MICROS);
        return instant.getNano() % 1_000 >= 500 ? rounded.plus(1, ChronoUnit.MICROS) : rounded;
    }

    /** The live processor sequences by reservation ({@link ByReservation}), and so must the rebuild's coverage. */
    @Override
    public Object sequenceIdentifier(StoredEvent event) {
        return ByReservation.sequenceIdentifierOf(event);
    }

    @Override
    public Class<?> liveProjection() {
        return ReservationProjection.class;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return Set.of(RoomReserved.class, RoomHeld.class, HoldConfirmed.class, RoomReleased.class, StayChanged.class,
                StayMovedIn.class, GuestErased.class);
    }

    @Override
    public String name() {
        return ReservationProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("reservation_view", "reservation_guest_erasure");
    }

    @Override
    public ProjectionFold newFold() {
        Map<UUID, Object[]> reservations = new HashMap<>();
        Map<String, List<UUID>> byGuest = new HashMap<>();
        Map<String, Object[]> erasures = new HashMap<>();
        FoldedTable<UUID> table = new FoldedTable<>("reservation_view", COLUMNS, "reservation_id", "uuid",
                sink -> reservations.values().forEach(sink), id -> Stream.ofNullable(reservations.get(id)));
        FoldedTable<String> erasureTable = new FoldedTable<>("reservation_guest_erasure",
                List.of("guest_id", "erased_by", "erased_at"), "guest_id", "text",
                sink -> erasures.values().forEach(sink), id -> Stream.ofNullable(erasures.get(id)));
        return new ProjectionFold() {
            @Override
            public void apply(StoredEvent event) {
                Object payload = event.payload();
                if (payload instanceof RoomReserved reserved) {
                    recorded(reserved.reservationId(), reserved.roomNumber(), reserved.stay(), reserved.totalPrice(),
                            reserved.currency(), ReservationStatus.CONFIRMED, reserved.guest(), event.timestamp(), null);
                } else if (payload instanceof RoomHeld held) {
                    recorded(held.reservationId(), held.roomNumber(), held.stay(), held.totalPrice(),
                            held.currency(), ReservationStatus.HELD, held.guest(), event.timestamp(), held.expiresAt());
                } else if (payload instanceof HoldConfirmed confirmed) {
                    Object[] row = reservations.get(confirmed.reservationId());
                    if (row != null && ReservationStatus.HELD.name().equals(row[STATUS])) {
                        row[STATUS] = ReservationStatus.CONFIRMED.name();
                        table.changed(confirmed.reservationId());
                    }
                } else if (payload instanceof GuestErased erased) {
                    erased(erased);
                } else if (payload instanceof StayChanged changed) {
                    update(changed.reservationId(), row -> {
                        if (changed.roomNumber().equals(row[ROOM])) {
                            row[CHECK_IN] = changed.stay().checkIn();
                            row[CHECK_OUT] = changed.stay().checkOut();
                            row[PRICE] = changed.totalPrice();
                            row[CURRENCY] = currencyOf(changed.currency());
                        }
                    });
                } else if (payload instanceof StayMovedIn movedIn) {
                    update(movedIn.reservationId(), row -> {
                        if (movedIn.fromRoom().equals(row[ROOM])) {
                            row[MOVING_TO] = movedIn.roomNumber();
                            row[MOVING_PRICE] = movedIn.totalPrice();
                            row[MOVING_CURRENCY] = currencyOf(movedIn.currency());
                        }
                    });
                } else if (payload instanceof RoomReleased released) {
                    update(released.reservationId(), row -> released(row, released, event));
                }
            }

            /** As {@link ReservationProjection} does: a move's releases only finish or undo the move. */
            private void released(Object[] row, RoomReleased released, StoredEvent event) {
                if (released.reason() == ReleaseReason.MOVED) {
                    if (released.roomNumber().equals(row[ROOM]) && row[MOVING_TO] != null) {
                        row[ROOM] = row[MOVING_TO];
                        row[PRICE] = row[MOVING_PRICE];
                        row[CURRENCY] = row[MOVING_CURRENCY];
                        row[MOVING_TO] = row[MOVING_PRICE] = row[MOVING_CURRENCY] = null;
                    }
                } else if (released.reason() == ReleaseReason.MOVE_UNDONE) {
                    if (released.roomNumber().equals(row[MOVING_TO])) {
                        row[MOVING_TO] = row[MOVING_PRICE] = row[MOVING_CURRENCY] = null;
                    }
                } else if (released.roomNumber().equals(row[ROOM])) {
                    // every release is written, a redelivered one again, as the projection's UPDATE does
                    row[STATUS] = ReservationStatus.CANCELLED.name();
                    row[RELEASED_AT] = event.timestamp();
                    row[RELEASE_REASON] = released.reason().name();
                }
            }

            private void update(UUID id, java.util.function.Consumer<Object[]> change) {
                Object[] row = reservations.get(id);
                if (row != null) {
                    change.accept(row);
                    table.changed(id);
                }
            }

            /** The first booking or hold of an id is recorded; a later one changes nothing (ON CONFLICT DO NOTHING). */
            private void recorded(UUID id, String roomNumber, Stay stay, BigDecimal totalPrice, String currency,
                                  ReservationStatus status,
                                  Guest guest, Instant at, Instant holdExpiresAt) {
                if (reservations.containsKey(id)) {
                    return;
                }
                // the guest's data is gone if the event says so, or if the guest was erased since the booking
                Object[] erasure = guest.guestId() == null ? null : erasures.get(guest.guestId());
                boolean erased = guest.erased()
                                 || erasure != null && !micros((Instant) erasure[2]).isBefore(micros(at));
                reservations.put(id, new Object[]{id, roomNumber, stay.checkIn(), stay.checkOut(), totalPrice,
                        status.name(), erased ? null : guest.name(), erased ? null : guest.email(), at, null, null,
                        currencyOf(currency), holdExpiresAt, null, null, null, guest.guestId(), erased});
                if (guest.guestId() != null) {
                    byGuest.computeIfAbsent(guest.guestId(), guestId -> new ArrayList<>()).add(id);
                }
                table.changed(id);
            }

            /** As the projection: the latest erasure of the guest is kept, and its bookings until then lose name and e-mail. */
            private void erased(GuestErased event) {
                Object[] known = erasures.get(event.guestId());
                if (known == null || micros((Instant) known[2]).isBefore(micros(event.erasedAt()))) {
                    erasures.put(event.guestId(), new Object[]{event.guestId(), event.erasedBy(), event.erasedAt()});
                    erasureTable.changed(event.guestId());
                }
                for (UUID id : byGuest.getOrDefault(event.guestId(), List.of())) {
                    Object[] row = reservations.get(id);
                    if (!micros((Instant) row[BOOKED_AT]).isAfter(micros(event.erasedAt()))) {
                        row[GUEST_NAME] = null;
                        row[GUEST_EMAIL] = null;
                        row[GUEST_ERASED] = true;
                        table.changed(id);
                    }
                }
            }

            @Override
            public List<FoldedTable<?>> tables() {
                return List.of(table, erasureTable);
            }
        };
    }

    private static String currencyOf(String recorded) {
        return recorded == null ? StayPrice.HOTEL_CURRENCY : recorded;
    }
}
