package hotel.booking.command.room;

import hotel.booking.api.RequestMove;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
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
     * Rooms stay in memory between commands (up to {@code hotel.room.cache-size}, the least recently
     * used leaving first), so a booking does not read the room's events (or its snapshot) again. Safe
     * with several command nodes on one event store: a node deciding on a stale room appends a
     * sequence number another node already wrote, the event store refuses it, the unit of work rolls
     * back and evicts the room, and the command is retried on a fresh load
     * ({@link ConcurrencyRetryScheduler}).
     */
    @Bean
    static Cache roomCache(@Value("${hotel.room.cache-size:5000}") long maxRooms) {
        return new RoomCache(maxRooms);
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

    /**
     * A move carries the stay's guest from the room's memory into the move's events. The room is read
     * afresh for it, so that a guest erased since the room was cached (through this node or another)
     * is written erased, not sealed again under a new key.
     */
    @Autowired
    void readRoomsAfreshForMoves(CommandBus commandBus, Cache roomCache) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RequestMove move) {
                roomCache.remove(move.roomNumber());
            }
            return chain.proceed();
        });
    }

    /** Every refusal leaves the command bus as a {@code CommandExecutionException} that says why. */
    @Autowired
    void registerRuleTranslator(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RoomRuleTranslator());
    }
}
