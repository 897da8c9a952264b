package hotel.booking.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "hotel.booking")
public class HotelApplication {

    public static void main(String[] args) {
        // Nothing phones home unless an operator asks for it (AXONIQ_UPDATE_CHECKER_DISABLED=false).
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(HotelApplication.class, args);
    }
}
