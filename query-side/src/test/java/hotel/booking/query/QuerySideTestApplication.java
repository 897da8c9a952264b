package hotel.booking.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side and the platform on their own, for slice tests. */
@SpringBootApplication(scanBasePackages = "hotel.booking")
public class QuerySideTestApplication {
}
