package hotel.booking.platform.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How fast the segments of a node that died move to a live one. Every streaming processor's segment is
 * claimed by one node at a time in {@code token_entry}; the owner renews its claim every
 * {@code hotel.processors.claim-renewal} even when idle, and any node may take over a claim not renewed
 * for {@code axon.eventhandling.tokenstore.claim-timeout}. Nodes look for such segments every
 * {@code token-claim-interval} of each processor.
 *
 * <p>And how soon the pooled processors see new events: they read the embedded event store through
 * {@link PrefetchingEventStream}s, which call them back when events arrive.
 */
@Configuration(proxyBeanMethods = false)
public class SegmentClaimConfiguration {

    @Autowired
    void renewClaims(EventProcessingConfigurer processing,
                     @Value("${hotel.processors.claim-renewal:1s}") Duration renewal,
                     @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration timeout,
                     @Value("${hotel.eventstore.prefetch:true}") boolean prefetch) {
        if (renewal.multipliedBy(2).compareTo(timeout) > 0) {
            throw new IllegalStateException("hotel.processors.claim-renewal (" + renewal + ") must be at most half of "
                    + "axon.eventhandling.tokenstore.claim-timeout (" + timeout + "), or live nodes lose their segments");
        }
        // Axon keeps one customization for all pooled processors (the last registered wins): both are here.
        processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> {
            // the coordinator also renews the claims of a segment busy with a long batch
            builder.claimExtensionThreshold(renewal.toMillis())
                   .enableCoordinatorClaimExtension();
            // called back when events arrive instead of looking every 500 ms (Axon Server's streams do that already)
            if (prefetch && configuration.eventStore() instanceof EmbeddedEventStore store) {
                builder.messageSource(new PrefetchingMessageSource(store, "pooled"));
            }
            return builder;
        });
    }
}
