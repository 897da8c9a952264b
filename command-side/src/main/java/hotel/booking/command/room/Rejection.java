package hotel.booking.command.room;

/** Why the Room turned a command down; the web layer maps each to an HTTP status. */
public enum Rejection {
    ROOM_ALREADY_REGISTERED,
    ROOM_NOT_FOUND,
    INVALID_ROOM,
    INVALID_STAY,
    STAY_TOO_LONG,
    NIGHTS_TAKEN,
    HOLD_EXPIRED,
    HOLD_NOT_CONFIRMED,
    BLOCK_NOT_FOUND,
    RESERVATION_ID_CONFLICT,
    RESERVATION_NOT_FOUND,
    RESERVATION_ALREADY_RELEASED,
    INVALID_RATE,
    RESERVATION_BEING_MOVED,
    ALREADY_IN_ROOM,
    NOT_BEING_MOVED
}
