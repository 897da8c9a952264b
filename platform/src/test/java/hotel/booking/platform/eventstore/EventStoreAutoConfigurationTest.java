package hotel.booking.platform.eventstore;

import org.axonframework.eventhandling.DefaultEventBusSpanFactory;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.tracing.NoOpSpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The event store polls for events other nodes appended every {@code hotel.eventstore.fetch-delay}.
 * An event appended straight to the storage engine stands for one appended by another node: the
 * store in this JVM is not told, it finds it by polling.
 */
class EventStoreAutoConfigurationTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EventStoreAutoConfiguration.class))
            .withBean(EventStorageEngine.class, () -> engine)
            .withBean(org.axonframework.config.Configuration.class, EventStoreAutoConfigurationTest::axonConfiguration);

    @Test
    void anEventAnotherNodeAppendedReachesTheStreamWithinTheFetchDelay() {
        runner.withPropertyValues("hotel.eventstore.fetch-delay=50ms").run(context -> {
            EmbeddedEventStore store = context.getBean(EmbeddedEventStore.class);
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                awaitPolling(stream);

                engine.appendEvents(GenericEventMessage.asEventMessage("second"));

                assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
            } finally {
                store.shutDown();
            }
        });
    }

    @Test
    void theStoreWaitsTheConfiguredDelayBeforeLookingAgain() {
        runner.withPropertyValues("hotel.eventstore.fetch-delay=20s").run(context -> {
            EmbeddedEventStore store = context.getBean(EmbeddedEventStore.class);
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                awaitPolling(stream);

                engine.appendEvents(GenericEventMessage.asEventMessage("second"));

                assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).as("seen before the next poll").isFalse();
            } finally {
                store.shutDown();
            }
        });
    }

    @Test
    void theDefaultIsATenthOfASecond() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedEventStore.class);
            assertThat(context.getEnvironment().getProperty(EventStoreAutoConfiguration.FETCH_DELAY)).isNull();
            EmbeddedEventStore store = context.getBean(EmbeddedEventStore.class);
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                awaitPolling(stream);
                long total = 0;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    engine.appendEvents(GenericEventMessage.asEventMessage("event " + i));
                    assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
                    stream.nextAvailable();
                    total += System.nanoTime() - start;
                }
                // Axon's own default (1 s) would make this about 2.5 s
                assertThat(TimeUnit.NANOSECONDS.toMillis(total)).isLessThan(2000);
            } finally {
                store.shutDown();
            }
        });
    }

    @Test
    void aDelayUnderAMillisecondIsRefusedAtStart() {
        runner.withPropertyValues("hotel.eventstore.fetch-delay=0ms").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("hotel.eventstore.fetch-delay"));
    }

    @Test
    void noStoreOfItsOwnWhenTheEventsComeFromElsewhere() {
        // Axon Server's event store is an event bus made before this configuration
        new ApplicationContextRunner()
                .withBean("eventBus", EventBus.class, () -> SimpleEventBus.builder().build())
                .withBean(EventStorageEngine.class, () -> engine)
                .withConfiguration(AutoConfigurations.of(EventStoreAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedEventStore.class));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EventStoreAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedEventStore.class));
    }

    /**
     * Reads the first event (through a stream of its own), then waits at the head, where the stream
     * joins the store's poller: after that an event appended elsewhere needs the poller's next look.
     */
    private void awaitPolling(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        engine.appendEvents(GenericEventMessage.asEventMessage("first"));
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).isFalse();
        Thread.sleep(500);
    }

    private static org.axonframework.config.Configuration axonConfiguration() {
        org.axonframework.config.Configuration configuration = mock(org.axonframework.config.Configuration.class);
        when(configuration.messageMonitor(any(), anyString())).thenAnswer(invocation -> NoOpMessageMonitor.INSTANCE);
        when(configuration.getComponent(EventBusSpanFactory.class))
                .thenReturn(DefaultEventBusSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build());
        return configuration;
    }
}
