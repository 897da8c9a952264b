package hotel.booking.app.observability;

import hotel.booking.app.role.Roles;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Where Rooms decide, their decisions are counted. */
@Configuration(proxyBeanMethods = false)
@Profile(Roles.HANDLES_COMMANDS)
class RoomDecisionMetricsConfiguration {

    @Autowired
    void countRoomDecisions(CommandBus commandBus, MeterRegistry registry) {
        commandBus.registerHandlerInterceptor(new RoomDecisionMetrics(registry));
    }
}
