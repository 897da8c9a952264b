package hotel.booking.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one jar. What every node runs (the event store, Flyway, JSON, errors) is scanned here; which sides
 * it runs is decided by its role ({@link hotel.booking.app.role.Roles}).
 */
@SpringBootApplication(scanBasePackages = {"hotel.booking.app", "hotel.booking.platform"})
public class HotelApplication {

    public static void main(String[] args) {
        // Nothing phones home unless an operator asks for it (AXONIQ_UPDATE_CHECKER_DISABLED=false).
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(HotelApplication.class, args);
    }
}
