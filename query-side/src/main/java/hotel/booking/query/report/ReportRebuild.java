package hotel.booking.query.report;

import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.query.replay.FoldedTable;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.reservation.ByReservation;
import hotel.booking.query.replay.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    /** The live processor sequences by reservation ({@link ByReservation}), and so must the rebuild's coverage. */
    @Override
    public Object sequenceIdentifier(StoredEvent event) {
        return ByReservation.sequenceIdentifierOf(event);
    }

    @Override
    public Class<?> liveProjection() {
        return ReportProjection.class;
    }

    /** Counts and dates only: the guests stay sealed. */
    @Override
    public boolean readsGuests() {
        return false;
    }

    @Override
    public Set<Class<?>> foldedEvents() {
        return Set.of(RoomRegistered.class, RoomReserved.class, HoldConfirmed.class, RoomReleased.class, StayChanged.class,
                StayMovedIn.class);
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
                reserved(new RoomReserved(confirmed.roomNumber(), confirmed.reservationId(), confirmed.stay(),
                        confirmed.totalPrice(), null, confirmed.nightlyPrices(), confirmed.currency()),
                        event.timestamp());
            } else if (payload instanceof StayChanged changed) {
                changed(changed);
            } else if (payload instanceof StayMovedIn movedIn) {
                sell(movedIn.reservationId(), movedIn.roomNumber(),
                        NightlyRevenue.of(movedIn.stay(), movedIn.totalPrice(), movedIn.nightlyPrices()));
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
            reservationTable.changed(event.reservationId());
            sell(event.reservationId(), event.roomNumber(),
                    NightlyRevenue.of(event.stay(), event.totalPrice(), event.nightlyPrices()));
        }

        /** As {@link ReportProjection} does: each night at its price, kept per reservation and room. */
        private void sell(UUID reservationId, String roomNumber, List<NightlyRevenue> revenue) {
            List<Object[]> nights = nightsSold.computeIfAbsent(reservationId, id -> new ArrayList<>());
            for (NightlyRevenue night : revenue) {
                boolean sold = nights.stream().anyMatch(row -> roomNumber.equals(row[2]) && night.night().equals(row[1]));
                if (!sold) {
                    nights.add(new Object[]{reservationId, night.night(), roomNumber, night.revenue()});
                }
            }
            nightTable.changed(reservationId);
        }

        private void unsell(UUID reservationId, String roomNumber) {
            List<Object[]> nights = nightsSold.get(reservationId);
            if (nights != null && nights.removeIf(row -> roomNumber.equals(row[2]))) {
                if (nights.isEmpty()) {
                    nightsSold.remove(reservationId);
                }
                nightTable.changed(reservationId);
            }
        }

        private void changed(StayChanged event) {
            unsell(event.reservationId(), event.roomNumber());
            sell(event.reservationId(), event.roomNumber(),
                    NightlyRevenue.of(event.stay(), event.totalPrice(), event.nightlyPrices()));
            Object[] reservation = reservations.get(event.reservationId());
            if (reservation != null && event.roomNumber().equals(reservation[1])) {
                reservation[2] = event.stay().checkIn();
                reservation[3] = event.stay().nights();
                reservation[4] = event.totalPrice();
                reservation[6] = ChronoUnit.DAYS.between((LocalDate) reservation[5], event.stay().checkIn());
                reservationTable.changed(event.reservationId());
            }
        }

        private void released(RoomReleased event, Instant at) {
            Object[] reservation = reservations.get(event.reservationId());
            if (event.reason() == ReleaseReason.MOVED || event.reason() == ReleaseReason.MOVE_UNDONE) {
                unsell(event.reservationId(), event.roomNumber());
                // the reservation follows the nights still sold, at their price
                List<Object[]> nights = nightsSold.getOrDefault(event.reservationId(), List.of());
                if (reservation != null && !nights.isEmpty()) {
                    String room = (String) nights.get(0)[2];
                    reservation[1] = room;
                    reservation[4] = nights.stream().filter(row -> room.equals(row[2]))
                                           .map(row -> (BigDecimal) row[3]).reduce(BigDecimal.ZERO, BigDecimal::add);
                    reservationTable.changed(event.reservationId());
                }
                return;
            }
            if (reservation != null && reservation[7] == null && event.roomNumber().equals(reservation[1])) {
                reservation[7] = day(at);
                reservation[8] = event.reason().name();
                reservationTable.changed(event.reservationId());
            }
            unsell(event.reservationId(), event.roomNumber());
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
