package hotel.booking.query.availability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** Keeps the change feed to its replay window; any node may do it, doing it twice is harmless. */
@Component
class ChangeFeedPruner {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedPruner.class);

    private final ChangeFeed feed;
    private final Clock clock;
    private final Duration window;

    ChangeFeedPruner(ChangeFeed feed, Clock clock, @Value("${hotel.stream.replay-window:24h}") Duration window) {
        this.feed = feed;
        this.clock = clock;
        this.window = window;
    }

    @Scheduled(initialDelayString = "${hotel.stream.prune-every:10m}", fixedDelayString = "${hotel.stream.prune-every:10m}")
    void prune() {
        int pruned = feed.prune(clock.instant().minus(window));
        if (pruned > 0) {
            log.debug("Pruned {} changes older than {} from the availability feed", pruned, window);
        }
    }
}
