package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

@Revision("1")
public record RoomRegistered(String roomNumber, RoomType type, int capacity, BigDecimal nightlyRate) {
}
