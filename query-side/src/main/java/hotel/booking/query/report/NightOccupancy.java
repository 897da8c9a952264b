package hotel.booking.query.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** One night: rooms sold out of the rooms in service, and the revenue of the nights sold, in all and per room type. */
public record NightOccupancy(LocalDate night, int roomsSold, int rooms, BigDecimal occupancyPercent,
                             BigDecimal revenue, List<RoomTypeOccupancy> roomTypes) {

    static NightOccupancy of(LocalDate night, List<RoomTypeOccupancy> roomTypes) {
        List<RoomTypeOccupancy> sorted = roomTypes.stream()
                .sorted(Comparator.comparing(RoomTypeOccupancy::roomType)).toList();
        int sold = sorted.stream().mapToInt(RoomTypeOccupancy::roomsSold).sum();
        int rooms = sorted.stream().mapToInt(RoomTypeOccupancy::rooms).sum();
        BigDecimal revenue = sorted.stream().map(RoomTypeOccupancy::revenue)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new NightOccupancy(night, sold, rooms, Occupancy.percent(sold, rooms), revenue, sorted);
    }
}
