package hotel.booking.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A guest's personal data was erased: the key it was encrypted with is destroyed, so the name and
 * e-mail in every earlier event are unreadable from now on. The bookings themselves stay.
 *
 * @param erasedBy the member of staff who erased it
 */
@Revision("1")
public record GuestErased(String guestId, String erasedBy, Instant erasedAt) {
}
