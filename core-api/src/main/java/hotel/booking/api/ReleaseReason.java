package hotel.booking.api;

/** Why a reservation gave its nights back. */
public enum ReleaseReason {
    CANCELLED_BY_GUEST,
    CANCELLED_BY_STAFF,
    HOLD_EXPIRED,
    /** The reservation moved to another room, which holds its nights now. */
    MOVED,
    /** A move could not complete: the room it was moving to gave its nights back. */
    MOVE_UNDONE
}
