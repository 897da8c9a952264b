package hotel.booking.command.reservation;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReservationRegistryConfiguration {

    /**
     * In the publishing transaction, and failing it: a registry row that cannot be written must
     * undo the booking, never leave an event the registry does not know.
     */
    @Autowired
    void subscribeInTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ReservationRegistry.PROCESSING_GROUP)
                  .registerListenerInvocationErrorHandler(ReservationRegistry.PROCESSING_GROUP,
                          configuration -> PropagatingErrorHandler.instance());
    }
}
