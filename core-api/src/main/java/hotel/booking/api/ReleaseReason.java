package hotel.booking.api;

/** Why a reservation gave its nights back. */
public enum ReleaseReason {
    CANCELLED_BY_GUEST,
    CANCELLED_BY_STAFF,
    HOLD_EXPIRED
}
