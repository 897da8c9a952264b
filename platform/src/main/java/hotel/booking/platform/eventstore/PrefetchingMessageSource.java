package hotel.booking.platform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** The event store, whose streams tell the processors when events arrive ({@link PrefetchingEventStream}). */
final class PrefetchingMessageSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    static final int CAPACITY = 1024;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final String name;

    PrefetchingMessageSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PrefetchingEventStream(delegate.openStream(trackingToken), CAPACITY,
                "events[" + name + "]-" + STREAMS.incrementAndGet());
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }
}
