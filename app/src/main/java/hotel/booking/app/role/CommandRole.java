package hotel.booking.app.role;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The command side: the Room aggregate, its command handlers, the reservation registry and the command API. */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.HANDLES_COMMANDS)
@ComponentScan("hotel.booking.command")
class CommandRole {
}
