package hotel.booking.command.room;

/** A command the Room refused: nothing was applied. */
public class RoomRuleViolation extends RuntimeException {

    private final Rejection rejection;

    public RoomRuleViolation(Rejection rejection, String detail) {
        super(detail, null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
