package hotel.booking.query.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.Stay;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rebuilds {@code reservation_view} in memory as {@link ReservationProjection} writes it: a booking
 * (CONFIRMED) or a hold (HELD, with its deadline) is recorded once, a confirmation turns a held one
 * CONFIRMED, a release marks it cancelled with when and why (an expired hold too, HOLD_EXPIRED).
 */
@Component
class ReservationRebuild implements RebuildableProjection {

    private static final List<String> COLUMNS = List.of("reservation_id", "room_number", "check_in", "check_out",
            "total_price", "status", "guest_name", "guest_email", "booked_at", "released_at", "release_reason", "hold_expires_at");

    private static final int STATUS = 5;
    private static final int RELEASED_AT = 9;
    private static final int RELEASE_REASON = 10;

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
                    recorded(reserved.reservationId(), reserved.roomNumber(), reserved.stay(), reserved.totalPrice(),
                            ReservationStatus.CONFIRMED, reserved.guest(), event.timestamp(), null);
                } else if (payload instanceof RoomHeld held) {
                    recorded(held.reservationId(), held.roomNumber(), held.stay(), held.totalPrice(),
                            ReservationStatus.HELD, held.guest(), event.timestamp(), held.expiresAt());
                } else if (payload instanceof HoldConfirmed confirmed) {
                    Object[] row = reservations.get(confirmed.reservationId());
                    if (row != null && ReservationStatus.HELD.name().equals(row[STATUS])) {
                        row[STATUS] = ReservationStatus.CONFIRMED.name();
                        table.changed(confirmed.reservationId());
                    }
                } else if (payload instanceof RoomReleased released) {
                    // every release is written, a redelivered one again, as the projection's UPDATE does
                    Object[] row = reservations.get(released.reservationId());
                    if (row != null) {
                        row[STATUS] = ReservationStatus.CANCELLED.name();
                        row[RELEASED_AT] = event.timestamp();
                        row[RELEASE_REASON] = released.reason().name();
                        table.changed(released.reservationId());
                    }
                }
            }

            /** The first booking or hold of an id is recorded; a later one changes nothing (ON CONFLICT DO NOTHING). */
            private void recorded(UUID id, String roomNumber, Stay stay, BigDecimal totalPrice, ReservationStatus status,
                                  Guest guest, Instant at, Instant holdExpiresAt) {
                if (reservations.putIfAbsent(id, new Object[]{id, roomNumber, stay.checkIn(), stay.checkOut(), totalPrice,
                        status.name(), guest.name(), guest.email(), at, null, null, holdExpiresAt}) == null) {
                    table.changed(id);
                }
            }

            @Override
            public List<FoldedTable<?>> tables() {
                return List.of(table);
            }
        };
    }
}
