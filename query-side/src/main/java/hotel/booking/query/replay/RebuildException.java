package hotel.booking.query.replay;

/** A rebuild that cannot go on; the live read model is left as it was. */
public class RebuildException extends RuntimeException {

    public RebuildException(String message) {
        super(message);
    }
}
