package hotel.booking.query.room;

import hotel.booking.api.RoomType;

import java.math.BigDecimal;

public record RoomView(String roomNumber, RoomType type, int capacity, BigDecimal nightlyRate) {
}
