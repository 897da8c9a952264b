package hotel.booking.platform.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The pooled streaming processors read the embedded event store through streams that call them back
 * when events arrive ({@link PrefetchingEventStream}) instead of being looked at every 500 ms. With
 * {@code hotel.eventstore.fetch-delay} this bounds the time from another node's commit to the
 * projections here by the fetch delay plus the handling. Axon Server's streams call back already.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorStreamsConfiguration {

    @Autowired
    void prefetchEvents(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> {
            if (configuration.eventStore() instanceof EmbeddedEventStore store) {
                builder.messageSource(new PrefetchingMessageSource(store, "pooled"));
            }
            return builder;
        });
    }
}
