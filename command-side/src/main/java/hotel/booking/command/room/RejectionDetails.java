package hotel.booking.command.room;

import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** The reason a command was refused, as it travels in {@code CommandExecutionException#getDetails()}. */
public record RejectionDetails(Rejection rejection, String detail) {

    /** Why a command was refused, wherever in the failure's causes the reason is; empty for an error. */
    public static Optional<RejectionDetails> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RoomRuleViolation violation) {
                return Optional.of(new RejectionDetails(violation.rejection(), violation.getMessage()));
            }
            if (t instanceof CommandExecutionException cee) {
                Optional<RejectionDetails> details = cee.getDetails()
                        .filter(RejectionDetails.class::isInstance).map(RejectionDetails.class::cast);
                if (details.isPresent()) {
                    return details;
                }
            }
        }
        return Optional.empty();
    }
}
