package hotel.booking.api;

public enum RoomType {
    SINGLE, DOUBLE, TWIN, SUITE, FAMILY
}
