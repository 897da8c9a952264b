package hotel.booking.query.replay;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as PostgreSQL keeps them: to the microsecond, rounded half up as the JDBC driver sends them. */
final class Timestamps {

    private Timestamps() {
    }

    static String micros(Instant instant) {
        int nanos = instant.getNano();
        Instant rounded = instant.truncatedTo(ChronoUnit.MICROS);
        if (nanos % 1_000 >= 500) {
            rounded = rounded.plus(1, ChronoUnit.MICROS);
        }
        return rounded.toString();
    }
}
