package hotel.booking.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EventProcessorsHealthIndicatorTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventProcessorsHealthIndicator indicator = new EventProcessorsHealthIndicator(processing);

    @Test
    void upWhileEveryProcessorRunsAndAStandbyNodeHoldsNoSegment() {
        given(Map.of(
                "reservations", streaming(true, false, status(0, false), status(1, false)),
                "rooms", streaming(true, false),
                "reservation-registry", subscribing(true)));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("reservations"))
                .isEqualTo(Map.of("running", true, "error", false, "segments", List.of(0, 1), "replaying", false));
    }

    @Test
    void downWhenAProcessorStopped() {
        given(Map.of("rooms", streaming(false, false),
                "reservation-registry", subscribing(true)));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downWhenASegmentFails() {
        given(Map.of("reservations",
                streaming(true, false, status(0, false), status(1, true))));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downWhenAProcessorIsInError() {
        given(Map.of("rooms", streaming(true, true)));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private void given(Map<String, EventProcessor> processors) {
        when(processing.eventProcessors()).thenReturn(processors);
    }

    private static StreamingEventProcessor streaming(boolean running, boolean error, EventTrackerStatus... segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(error);
        Map<Integer, EventTrackerStatus> status = new TreeMap<>();
        for (EventTrackerStatus segment : segments) {
            status.put(segment.getSegment().getSegmentId(), segment);
        }
        when(processor.processingStatus()).thenReturn(status);
        return processor;
    }

    private static EventProcessor subscribing(boolean running) {
        EventProcessor processor = mock(EventProcessor.class);
        when(processor.isRunning()).thenReturn(running);
        return processor;
    }

    private static EventTrackerStatus status(int segment, boolean failing) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.computeSegment(segment, 0, 1));
        when(status.isErrorState()).thenReturn(failing);
        return status;
    }
}
