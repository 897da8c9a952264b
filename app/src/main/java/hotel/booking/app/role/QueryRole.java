package hotel.booking.app.role;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The query side: the projections, their streaming processors, query handlers and the read API. */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.ANSWERS_QUERIES)
@ComponentScan("hotel.booking.query")
class QueryRole {
}
