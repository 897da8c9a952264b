package hotel.booking.command.room;

import java.util.UUID;

/** A reservation of this room on its way to another: it keeps its nights here until the move completes or fails. */
record PendingMove(String targetRoom, UUID moveId) {
}
