package hotel.booking.query.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.query.availability.AvailabilityChange;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.FollowAvailability;
import hotel.booking.query.availability.StreamStart;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class SseConnectionsTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");
    private static final AvailabilityQuery WEEK = new AvailabilityQuery(D1, D1.plusDays(7), null, null);
    private static final AvailabilityQuery FAMILY_WEEK = new AvailabilityQuery(D1, D1.plusDays(7), null, 4);

    private final QueryGateway queries = mock(QueryGateway.class);
    @SuppressWarnings("unchecked")
    private final ObjectProvider<MeterRegistry> noMeters = mock(ObjectProvider.class);
    private final SseConnections connections = new SseConnections(new SseFrames(new ObjectMapper()),
            new StreamSettings(null, null, null, 0, 1), queries, noMeters);

    @AfterEach
    void stop() {
        connections.stop();
    }

    @SuppressWarnings("unchecked")
    private SubscriptionQueryResult<StreamStart, AvailabilityChange> subscriptionFor(AvailabilityQuery query) {
        SubscriptionQueryResult<StreamStart, AvailabilityChange> result = mock(SubscriptionQueryResult.class);
        when(result.updates()).thenReturn(Flux.never());
        when(result.initialResult()).thenReturn(Mono.never());
        when(queries.subscriptionQuery(anyString(), argThat((FollowAvailability follow) -> follow != null && follow.query().equals(query)),
                any(ResponseType.class), any(ResponseType.class), anyInt())).thenReturn((SubscriptionQueryResult) result);
        return result;
    }

    @Test
    void streamsOfTheSameQueryShareOneSubscriptionWhichEndsWithTheLastOfThem() {
        SubscriptionQueryResult<StreamStart, AvailabilityChange> week = subscriptionFor(WEEK);
        SubscriptionQueryResult<StreamStart, AvailabilityChange> familyWeek = subscriptionFor(FAMILY_WEEK);

        SseConnection first = connections.open(WEEK);
        SseConnection second = connections.open(WEEK);
        SseConnection family = connections.open(FAMILY_WEEK);

        verify(queries, times(2)).subscriptionQuery(anyString(), any(FollowAvailability.class), any(ResponseType.class),
                any(ResponseType.class), anyInt());
        assertThat(connections.size()).isEqualTo(3);
        first.close(SseConnection.CloseReason.CLIENT_GONE, null);
        verify(week, never()).cancel();
        second.close(SseConnection.CloseReason.CLIENT_GONE, null);
        verify(week).cancel();
        verify(familyWeek, never()).cancel();
        family.close(SseConnection.CloseReason.CLIENT_GONE, null);
        verify(familyWeek).cancel();
        assertThat(connections.size()).isZero();
    }

    @Test
    void aStreamWhoseSubscriptionCannotBeMadeLeavesNothingBehind() {
        when(queries.subscriptionQuery(anyString(), any(FollowAvailability.class), any(ResponseType.class),
                any(ResponseType.class), anyInt())).thenThrow(new IllegalStateException("no handler"));

        assertThatThrownBy(() -> connections.open(WEEK)).hasMessage("no handler");

        assertThat(connections.size()).isZero();
        SubscriptionQueryResult<StreamStart, AvailabilityChange> week = subscriptionFor(WEEK);
        connections.open(WEEK).close(SseConnection.CloseReason.CLIENT_GONE, null);
        verify(week).cancel();
    }
}
