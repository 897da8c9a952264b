package hotel.booking.query.room;

/** Every room, in room-number order. */
public record ListRooms() {
}
