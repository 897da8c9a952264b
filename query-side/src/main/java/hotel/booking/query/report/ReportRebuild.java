package hotel.booking.query.report;

import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rebuilds the reports' tables in memory as {@link ReportProjection} writes them: a room in service
 * from the day of its first registration, every reservation once with the day it was made and its
 * first release, and the nights sold with their revenue until the reservation is released. A hold
 * counts from its confirmation (booked that day), and not at all if it was never confirmed.
 */
@Component
class ReportRebuild implements RebuildableProjection {

    private final ZoneId hotelZone;

    ReportRebuild(@Value("${hotel.time-zone:UTC}") ZoneId hotelZone) {
        this.hotelZone = hotelZone;
    }

    @Override
    public Class<?> liveProjection() {
        return ReportProjection.class;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return Set.of(RoomRegistered.class, RoomReserved.class, HoldConfirmed.class, RoomReleased.class);
    }

    @Override
    public String name() {
        return ReportProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("report_room", "report_reservation", "report_night_sold");
    }

    @Override
    public ProjectionFold newFold() {
        return new Fold();
    }

    private final class Fold implements ProjectionFold {

        private final Map<String, Object[]> rooms = new LinkedHashMap<>();
        private final Map<UUID, Object[]> reservations = new HashMap<>();
        private final Map<UUID, List<Object[]>> nightsSold = new HashMap<>();
        private final FoldedTable<String> roomTable = new FoldedTable<>("report_room",
                List.of("room_number", "room_type", "in_service_from"), "room_number", "text",
                sink -> rooms.values().forEach(sink), number -> Stream.ofNullable(rooms.get(number)));
        private final FoldedTable<UUID> reservationTable = new FoldedTable<>("report_reservation",
                List.of("reservation_id", "room_number", "check_in", "nights", "total_price", "booked_on", "lead_days",
                        "released_on", "release_reason"), "reservation_id", "uuid",
                sink -> reservations.values().forEach(sink), id -> Stream.ofNullable(reservations.get(id)));
        private final FoldedTable<UUID> nightTable = new FoldedTable<>("report_night_sold",
                List.of("reservation_id", "night", "room_number", "revenue"), "reservation_id", "uuid",
                sink -> nightsSold.values().forEach(nights -> nights.forEach(sink)),
                id -> nightsSold.getOrDefault(id, List.of()).stream());

        @Override
        public void apply(StoredEvent event) {
            Object payload = event.payload();
            if (payload instanceof RoomReserved reserved) {
                reserved(reserved, event.timestamp());
            } else if (payload instanceof HoldConfirmed confirmed) {
                // as ReportProjection: a hold is sold when confirmed, on that day; a hold never confirmed never was
                reserved(new RoomReserved(confirmed.roomNumber(), confirmed.reservationId(), confirmed.stay(),
                        confirmed.totalPrice(), null), event.timestamp());
            } else if (payload instanceof RoomReleased released) {
                released(released, event.timestamp());
            } else if (payload instanceof RoomRegistered registered) {
                rooms.putIfAbsent(registered.roomNumber(), new Object[]{registered.roomNumber(), registered.type().name(),
                        day(event.timestamp())});
                roomTable.changed(registered.roomNumber());
            }
        }

        private void reserved(RoomReserved event, Instant at) {
            if (reservations.containsKey(event.reservationId())) {
                return;
            }
            LocalDate bookedOn = day(at);
            reservations.put(event.reservationId(), new Object[]{event.reservationId(), event.roomNumber(),
                    event.stay().checkIn(), event.stay().nights(), event.totalPrice(), bookedOn,
                    ChronoUnit.DAYS.between(bookedOn, event.stay().checkIn()), null, null});
            nightsSold.put(event.reservationId(), NightlyRevenue.of(event.stay(), event.totalPrice()).stream()
                    .map(night -> new Object[]{event.reservationId(), night.night(), event.roomNumber(), night.revenue()})
                    .toList());
            reservationTable.changed(event.reservationId());
            nightTable.changed(event.reservationId());
        }

        private void released(RoomReleased event, Instant at) {
            Object[] reservation = reservations.get(event.reservationId());
            if (reservation != null && reservation[7] == null) {
                reservation[7] = day(at);
                reservation[8] = event.reason().name();
                reservationTable.changed(event.reservationId());
            }
            if (nightsSold.remove(event.reservationId()) != null) {
                nightTable.changed(event.reservationId());
            }
        }

        @Override
        public List<FoldedTable<?>> tables() {
            return List.of(roomTable, reservationTable, nightTable);
        }

        private LocalDate day(Instant at) {
            return LocalDate.ofInstant(at, hotelZone);
        }
    }
}
