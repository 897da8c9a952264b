package hotel.booking.app.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eventProcessors} in {@code /actuator/health}: up while every event processor of this node runs and
 * none is failing. A streaming processor holding no segment is healthy: another node holds them, and this
 * one takes them over if that node dies.
 */
@Component
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processors could not be inspected");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean healthy = true;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Collection<EventTrackerStatus> segments = processor instanceof StreamingEventProcessor streaming
                    ? streaming.processingStatus().values() : List.of();
            boolean failing = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
            healthy &= processor.isRunning() && !failing;
            health.withDetail(entry.getKey(), details(processor, segments, failing));
        }
        if (healthy) {
            health.up();
        } else {
            health.down();
        }
    }

    private static Map<String, Object> details(EventProcessor processor, Collection<EventTrackerStatus> segments,
                                               boolean failing) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", processor.isRunning());
        details.put("error", failing);
        if (processor instanceof StreamingEventProcessor) {
            details.put("segments", segments.stream().map(status -> status.getSegment().getSegmentId()).sorted().toList());
            details.put("replaying", segments.stream().anyMatch(EventTrackerStatus::isReplaying));
        }
        return details;
    }
}
