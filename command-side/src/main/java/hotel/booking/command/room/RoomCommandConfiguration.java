package hotel.booking.command.room;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration(proxyBeanMethods = false)
class RoomCommandConfiguration {

    /** A snapshot every N events, so a room with years of bookings loads from its last snapshot. */
    @Bean
    SnapshotTriggerDefinition roomSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${hotel.room.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Rooms stay in memory between commands while the JVM has room for them, so a booking does not
     * read the room's events (or its snapshot) again. Safe with several command nodes on one event
     * store: a node deciding on a stale room appends a sequence number another node already wrote,
     * the event store refuses it, the unit of work rolls back and evicts the room, and the command is
     * retried on a fresh load ({@link ConcurrencyRetryScheduler}).
     */
    @Bean
    Cache roomCache() {
        return new WeakReferenceCache();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  @Value("${hotel.command.max-retries:8}") int maxRetries) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(new ConcurrencyRetryScheduler(commandRetryExecutor, maxRetries))
                                    .build();
    }

    /** Every refusal leaves the command bus as a {@code CommandExecutionException} that says why. */
    @Autowired
    void registerRuleTranslator(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RoomRuleTranslator());
    }
}
