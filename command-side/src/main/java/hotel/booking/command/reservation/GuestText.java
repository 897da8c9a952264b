package hotel.booking.command.reservation;

/** What a guest may type: printable text, no control characters, something besides blanks. */
final class GuestText {

    static final String NAME = "^(?=.*\\S)[^\\p{Cntrl}\\p{Cf}]+$";
    static final String NAME_MESSAGE = "must be printable text without control characters";
    static final String EMAIL = "^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$";

    private GuestText() {
    }
}
