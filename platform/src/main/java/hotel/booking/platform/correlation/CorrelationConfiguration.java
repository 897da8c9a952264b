package hotel.booking.platform.correlation;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every command and event says who asked and in which request: the request id and principal
 * ({@link AuditMetadata}) go from the HTTP request onto the command, and Axon copies them onto
 * every event the command causes.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    /** First of all filters, so that every log line of the request carries its id. */
    @Bean
    static FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Copies the origin of a command onto the messages handling it produces. Static, as Axon needs
     * it while building the command bus that this class then configures.
     */
    @Bean
    static CorrelationDataProvider originCorrelation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.REQUEST_ID, AuditMetadata.PRINCIPAL);
    }

    /**
     * Axon's own {@code correlationId} and {@code traceId}, which Axon only provides while no other
     * provider is declared.
     */
    @Bean
    static CorrelationDataProvider axonMessageOrigin() {
        return new MessageOriginProvider();
    }

    @Autowired
    void stampCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new OriginDispatchInterceptor());
        commandBus.registerHandlerInterceptor(new RequestIdLogging());
    }

    @Autowired
    void logEventsWithTheirRequest(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processor) -> new RequestIdLogging());
    }
}
