package hotel.booking.command.room;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import hotel.booking.api.Stay;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservations a Room still needs for its decisions. Stays that ended more than
 * {@value #RETAINED_DAYS} days ago are forgotten: no new stay can overlap them and no retry of them
 * is still plausible, so a room's state stays small however long its history grows.
 */
final class Bookings {

    static final int RETAINED_DAYS = 30;

    private final Map<UUID, BookedStay> byId;

    Bookings() {
        this(new LinkedHashMap<>());
    }

    @JsonCreator
    Bookings(Map<UUID, BookedStay> byId) {
        this.byId = new LinkedHashMap<>(byId);
    }

    @JsonValue
    Map<UUID, BookedStay> byId() {
        return byId;
    }

    Optional<BookedStay> find(UUID reservationId) {
        return Optional.ofNullable(byId.get(reservationId));
    }

    /** An active reservation with a night in common with {@code stay}, if any. */
    Optional<Map.Entry<UUID, BookedStay>> conflictWith(Stay stay) {
        return byId.entrySet().stream()
                   .filter(e -> e.getValue().active() && e.getValue().stay().overlaps(stay))
                   .findFirst();
    }

    /** An active reservation other than {@code reservationId} with a night in common with {@code stay}, if any. */
    Optional<Map.Entry<UUID, BookedStay>> conflictWith(Stay stay, UUID reservationId) {
        return byId.entrySet().stream()
                   .filter(e -> !e.getKey().equals(reservationId))
                   .filter(e -> e.getValue().active() && e.getValue().stay().overlaps(stay))
                   .findFirst();
    }

    /** Every active reservation or hold (not a block) with a night in common with {@code nights}. */
    List<NightsInTheWay> guestsIn(Stay nights) {
        return byId.entrySet().stream()
                   .filter(e -> e.getValue().active() && !e.getValue().outOfService()
                           && e.getValue().stay().overlaps(nights))
                   .map(e -> {
                       Stay stay = e.getValue().stay();
                       return new NightsInTheWay(e.getKey(), stay.checkIn(), stay.checkOut(),
                               stay.dates().filter(night -> nights.overlaps(night, night.plusDays(1))).toList());
                   })
                   .toList();
    }

    void add(UUID reservationId, BookedStay booked) {
        byId.put(reservationId, booked);
    }

    void release(UUID reservationId) {
        byId.computeIfPresent(reservationId, (id, booked) -> booked.release());
    }

    void forgetEndedBefore(LocalDate day) {
        byId.values().removeIf(booked -> booked.stay().checkOut().isBefore(day));
    }

    int size() {
        return byId.size();
    }
}
