package hotel.booking.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side and the platform on their own, for slice tests. */
@SpringBootApplication(scanBasePackages = "hotel.booking")
public class CommandSideTestApplication {
}
