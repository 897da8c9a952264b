package hotel.booking.query.reservation;

import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.api.StayPrice;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rebuilds {@code reservation_view} in memory as {@link ReservationProjection} writes it: a booking
 * is recorded once, a release marks it cancelled with when and why.
 */
@Component
class ReservationRebuild implements RebuildableProjection {

    private static final List<String> COLUMNS = List.of("reservation_id", "room_number", "check_in", "check_out",
            "total_price", "status", "guest_name", "guest_email", "booked_at", "released_at", "release_reason",
            "currency", "hold_expires_at", "moving_to_room", "moving_price", "moving_currency");
    private static final int ROOM = 1, CHECK_IN = 2, CHECK_OUT = 3, PRICE = 4, STATUS = 5, RELEASED_AT = 9,
            REASON = 10, CURRENCY = 11, MOVING_TO = 13, MOVING_PRICE = 14, MOVING_CURRENCY = 15;

    @Override
    public String name() {
        return ReservationProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("reservation_view");
    }

    @Override
    public ProjectionFold newFold() {
        Map<UUID, Object[]> reservations = new HashMap<>();
        FoldedTable<UUID> table = new FoldedTable<>("reservation_view", COLUMNS, "reservation_id", "uuid",
                sink -> reservations.values().forEach(sink), id -> Stream.ofNullable(reservations.get(id)));
        return new ProjectionFold() {
            @Override
            public void apply(StoredEvent event) {
                Object payload = event.payload();
                if (payload instanceof RoomReserved reserved) {
                    reservations.computeIfAbsent(reserved.reservationId(), id -> new Object[]{id, reserved.roomNumber(),
                            reserved.stay().checkIn(), reserved.stay().checkOut(), reserved.totalPrice(),
                            ReservationStatus.CONFIRMED.name(), reserved.guest().name(), reserved.guest().email(),
                            event.timestamp(), null, null, currencyOf(reserved.currency()), null, null, null, null});
                    table.changed(reserved.reservationId());
                } else if (payload instanceof RoomHeld held) {
                    reservations.computeIfAbsent(held.reservationId(), id -> new Object[]{id, held.roomNumber(),
                            held.stay().checkIn(), held.stay().checkOut(), held.totalPrice(),
                            ReservationStatus.HELD.name(), held.guest().name(), held.guest().email(),
                            event.timestamp(), null, null, currencyOf(held.currency()), held.expiresAt(), null, null,
                            null});
                    table.changed(held.reservationId());
                } else if (payload instanceof HoldConfirmed confirmed) {
                    update(confirmed.reservationId(), row -> {
                        if (ReservationStatus.HELD.name().equals(row[STATUS])) {
                            row[STATUS] = ReservationStatus.CONFIRMED.name();
                        }
                    });
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
                    row[STATUS] = ReservationStatus.CANCELLED.name();
                    row[RELEASED_AT] = event.timestamp();
                    row[REASON] = released.reason().name();
                }
            }

            private void update(UUID id, java.util.function.Consumer<Object[]> change) {
                Object[] row = reservations.get(id);
                if (row != null) {
                    change.accept(row);
                    table.changed(id);
                }
            }

            @Override
            public List<FoldedTable<?>> tables() {
                return List.of(table);
            }
        };
    }

    private static String currencyOf(String recorded) {
        return recorded == null ? StayPrice.HOTEL_CURRENCY : recorded;
    }
}
