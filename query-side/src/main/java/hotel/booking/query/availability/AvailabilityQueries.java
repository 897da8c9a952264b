package hotel.booking.query.availability;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Availability as one consistent read: the rooms, their stays and the feed position come from the
 * same database snapshot, so a subscriber can take later changes from exactly that position.
 */
@Component
class AvailabilityQueries {

    private final AvailabilityReader reader;
    private final ChangeFeed feed;
    private final TransactionTemplate consistentRead;
    private final int maxReplay;

    AvailabilityQueries(AvailabilityReader reader, ChangeFeed feed, PlatformTransactionManager transactions,
                        @Value("${hotel.stream.max-replay:10000}") int maxReplay) {
        this.reader = reader;
        this.feed = feed;
        this.maxReplay = maxReplay;
        this.consistentRead = new TransactionTemplate(transactions);
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
    }

    @QueryHandler
    AvailabilitySnapshot handle(AvailabilityQuery query) {
        return consistentRead.execute(tx -> snapshot(query));
    }

    @QueryHandler
    StreamStart handle(FollowAvailability follow) {
        return consistentRead.execute(tx -> {
            if (follow.lastEventId() != null) {
                Optional<List<AvailabilityChange>> missed = feed.since(follow.lastEventId(), follow.query(), maxReplay);
                if (missed.isPresent()) {
                    return StreamStart.resumed(feed.position(), missed.get());
                }
            }
            return StreamStart.fresh(snapshot(follow.query()));
        });
    }

    private AvailabilitySnapshot snapshot(AvailabilityQuery query) {
        long position = feed.position();
        return new AvailabilitySnapshot(query.from(), query.to(), position, reader.read(query));
    }
}
