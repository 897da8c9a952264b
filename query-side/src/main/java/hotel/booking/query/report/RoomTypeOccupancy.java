package hotel.booking.query.report;

import hotel.booking.api.RoomType;

import java.math.BigDecimal;

public record RoomTypeOccupancy(RoomType roomType, int roomsSold, int rooms, BigDecimal occupancyPercent,
                                BigDecimal revenue) {

    static RoomTypeOccupancy of(RoomType roomType, int roomsSold, int rooms, BigDecimal revenue) {
        return new RoomTypeOccupancy(roomType, roomsSold, rooms, Occupancy.percent(roomsSold, rooms), revenue);
    }
}
