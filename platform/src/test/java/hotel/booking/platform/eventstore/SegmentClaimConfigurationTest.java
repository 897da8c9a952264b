package hotel.booking.platform.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class SegmentClaimConfigurationTest {

    private final EventProcessingConfigurer processing = mock(EventProcessingConfigurer.class);
    private final SegmentClaimConfiguration configuration = new SegmentClaimConfiguration();

    @Test
    void everyPooledProcessorRenewsItsClaimsWellWithinTheClaimTimeout() {
        configuration.renewClaims(processing, Duration.ofSeconds(1), Duration.ofSeconds(5));

        verify(processing).registerPooledStreamingEventProcessorConfiguration(
                any(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class));
    }

    @Test
    void aRenewalTooSlowForTheTimeoutIsRefusedAtStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> configuration.renewClaims(processing, Duration.ofSeconds(3), Duration.ofSeconds(5)))
                .withMessageContaining("claim-renewal");
        verify(processing, never()).registerPooledStreamingEventProcessorConfiguration(
                any(EventProcessingConfigurer.PooledStreamingProcessorConfiguration.class));
    }
}
