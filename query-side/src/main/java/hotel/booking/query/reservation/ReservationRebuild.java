package hotel.booking.query.reservation;

import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
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
            "total_price", "status", "guest_name", "guest_email", "booked_at", "released_at", "release_reason");

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
                if (event.payload() instanceof RoomReserved reserved) {
                    reservations.computeIfAbsent(reserved.reservationId(), id -> new Object[]{id, reserved.roomNumber(),
                            reserved.stay().checkIn(), reserved.stay().checkOut(), reserved.totalPrice(),
                            ReservationStatus.CONFIRMED.name(), reserved.guest().name(), reserved.guest().email(),
                            event.timestamp(), null, null});
                    table.changed(reserved.reservationId());
                } else if (event.payload() instanceof RoomReleased released) {
                    Object[] row = reservations.get(released.reservationId());
                    if (row != null) {
                        row[5] = ReservationStatus.CANCELLED.name();
                        row[9] = event.timestamp();
                        row[10] = released.reason().name();
                        table.changed(released.reservationId());
                    }
                }
            }

            @Override
            public List<FoldedTable<?>> tables() {
                return List.of(table);
            }
        };
    }
}
