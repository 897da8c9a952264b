package hotel.booking.platform.eventstore;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SegmentClaimConfigurationTest {

    private final EventProcessingConfigurer processing = mock(EventProcessingConfigurer.class);
    private final SegmentClaimConfiguration configuration = new SegmentClaimConfiguration();

    @Test
    void everyPooledProcessorRenewsItsClaimsWellWithinTheClaimTimeout() {
        configuration.renewClaims(processing, Duration.ofSeconds(1), Duration.ofSeconds(5), true);

        verify(processing).registerPooledStreamingEventProcessorConfiguration(
                any(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class));
    }

    @Test
    void pooledProcessorsRenewClaimsAndReadStreamsThatCallThemBack() {
        configuration.renewClaims(processing, Duration.ofSeconds(1), Duration.ofSeconds(5), true);
        ArgumentCaptor<EventProcessingConfigurer.PooledStreamingProcessorConfiguration> customization =
                ArgumentCaptor.forClass(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class);
        verify(processing).registerPooledStreamingEventProcessorConfiguration(customization.capture());
        PooledStreamingEventProcessor.Builder builder = mock(PooledStreamingEventProcessor.Builder.class, RETURNS_SELF);
        Configuration axon = mock(Configuration.class);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        when(axon.eventStore()).thenReturn(store);

        customization.getValue().apply(axon, builder);

        verify(builder).claimExtensionThreshold(1000);
        verify(builder).enableCoordinatorClaimExtension();
        verify(builder).messageSource(any(PrefetchingMessageSource.class));
    }

    @Test
    void onAxonServerTheProcessorsKeepItsStreams() {
        configuration.renewClaims(processing, Duration.ofSeconds(1), Duration.ofSeconds(5), true);
        ArgumentCaptor<EventProcessingConfigurer.PooledStreamingProcessorConfiguration> customization =
                ArgumentCaptor.forClass(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class);
        verify(processing).registerPooledStreamingEventProcessorConfiguration(customization.capture());
        PooledStreamingEventProcessor.Builder builder = mock(PooledStreamingEventProcessor.Builder.class, RETURNS_SELF);
        Configuration axon = mock(Configuration.class);
        when(axon.eventStore()).thenReturn(mock(EventStore.class));

        customization.getValue().apply(axon, builder);

        verify(builder, never()).messageSource(any());
    }

    @Test
    void prefetchingCanBeSwitchedOff() {
        configuration.renewClaims(processing, Duration.ofSeconds(1), Duration.ofSeconds(5), false);
        ArgumentCaptor<EventProcessingConfigurer.PooledStreamingProcessorConfiguration> customization =
                ArgumentCaptor.forClass(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class);
        verify(processing).registerPooledStreamingEventProcessorConfiguration(customization.capture());
        PooledStreamingEventProcessor.Builder builder = mock(PooledStreamingEventProcessor.Builder.class, RETURNS_SELF);
        Configuration axon = mock(Configuration.class);
        when(axon.eventStore()).thenReturn(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build());

        customization.getValue().apply(axon, builder);

        verify(builder).enableCoordinatorClaimExtension();
        verify(builder, never()).messageSource(any());
    }

    @Test
    void aRenewalTooSlowForTheTimeoutIsRefusedAtStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> configuration.renewClaims(processing, Duration.ofSeconds(3), Duration.ofSeconds(5), true))
                .withMessageContaining("claim-renewal");
        verify(processing, never()).registerPooledStreamingEventProcessorConfiguration(
                any(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class));
    }
}
