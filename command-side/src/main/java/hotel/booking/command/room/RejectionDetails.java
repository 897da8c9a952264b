package hotel.booking.command.room;

/** The reason a command was refused, as it travels in {@code CommandExecutionException#getDetails()}. */
public record RejectionDetails(Rejection rejection, String detail) {
}
