package hotel.booking.query.availability;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** One night of a room: free or not; {@code status} says why not when the room is out of service. */
public record NightAvailability(LocalDate date, boolean available,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String status) {

    public static final String OUT_OF_SERVICE = "out-of-service";

    public NightAvailability(LocalDate date, boolean available) {
        this(date, available, null);
    }
}
