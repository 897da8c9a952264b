package hotel.booking.command.reservation;

/**
 * What a guest may type: printable text, something besides blanks. No control or format
 * characters (which hide or reorder text, or steer a terminal), no line breaks, and no half of a
 * surrogate pair (which no encoding can store).
 */
public final class GuestText {

    static final String NAME = "^(?=.*[^\\s\\p{Z}])[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]+$";
    static final String NAME_MESSAGE = "must be printable text without control characters";
    public static final String EMAIL = "^[^@\\s\\p{C}]+@[^@\\s\\p{C}]+\\.[^@\\s\\p{C}]+$";

    private GuestText() {
    }
}
