package hotel.booking.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform on its own, for slice tests. */
@SpringBootApplication
public class PlatformTestApplication {
}
