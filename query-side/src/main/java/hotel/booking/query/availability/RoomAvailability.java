package hotel.booking.query.availability;

import hotel.booking.api.RoomType;

import java.math.BigDecimal;
import java.util.List;

public record RoomAvailability(String roomNumber, RoomType type, int capacity, BigDecimal nightlyRate,
                               List<NightAvailability> nights) {
}
