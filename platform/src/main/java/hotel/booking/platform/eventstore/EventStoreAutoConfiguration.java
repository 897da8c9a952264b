package hotel.booking.platform.eventstore;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event store on Axon's JDBC storage engine, as Axon's auto-configuration would make it, but
 * polling the database every {@code hotel.eventstore.fetch-delay} (100 ms) instead of every second
 * when it has nothing new. An event appended in this JVM wakes the store's readers at once; one
 * appended by another node (a command node, in a split deployment) is only seen by the next poll,
 * so this delay is part of the time from a booking to its push on a query node. One poll is one
 * indexed query, made by one thread per node for all its processors, and only while it has
 * nothing to read. Not made when the events come from Axon Server.
 */
@AutoConfiguration(after = {JdbcAutoConfiguration.class, AxonServerBusAutoConfiguration.class},
                   before = AxonAutoConfiguration.class)
public class EventStoreAutoConfiguration {

    public static final String FETCH_DELAY = "hotel.eventstore.fetch-delay";

    @Bean("eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(EventStorageEngine.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration,
                                         @Value("${" + FETCH_DELAY + ":100ms}") String fetchDelay) {
        return builder(DurationStyle.detectAndParse(fetchDelay))
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    static EmbeddedEventStore.Builder builder(Duration fetchDelay) {
        if (fetchDelay.toMillis() < 1) {
            throw new IllegalStateException(FETCH_DELAY + " must be at least 1 ms, not " + fetchDelay);
        }
        return EmbeddedEventStore.builder()
                                 .fetchDelay(fetchDelay.toMillis())
                                 .timeUnit(TimeUnit.MILLISECONDS);
    }
}
