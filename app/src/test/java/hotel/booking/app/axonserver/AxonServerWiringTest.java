package hotel.booking.app.axonserver;

import hotel.booking.platform.eventstore.EventStoreAutoConfiguration;
import hotel.booking.testsupport.FreshPostgres;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which buses and which event store the app runs on, with and without the {@code axonserver} profile. No
 * Axon Server runs here, and a streaming processor cannot start without its event source: the
 * {@code axonserver} context is built but not started. The connector connects lazily (AxonIQ's own
 * auto-configuration tests rely on that too), so building the context proves the wiring.
 */
class AxonServerWiringTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
            "AXON_AXONSERVER_SERVERS=localhost:1,127.0.0.1:2",
            "hotel.sample-rooms=false"})
    @ActiveProfiles("axonserver")
    @FreshPostgres
    @Import(BuiltNotStarted.class)
    class OnAxonServer {

        @Autowired
        ApplicationContext context;

        @Test
        void commandsQueriesAndEventsGoThroughAxonServer() {
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).as("no JDBC event storage").isEmpty();
        }

        @Test
        void tokensStayInPostgres() {
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        }

        @Test
        void connectsToTheServersNamedInTheEnvironment() {
            AxonServerConfiguration axonServer = context.getBean(AxonServerConfiguration.class);

            assertThat(axonServer.isEnabled()).isTrue();
            assertThat(axonServer.getServers()).isEqualTo("localhost:1,127.0.0.1:2");
        }
    }

    /** A lifecycle processor that starts nothing: no processor, no connection, no command subscription. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BuiltNotStarted {

        @Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
        LifecycleProcessor lifecycleProcessor() {
            return new DefaultLifecycleProcessor() {
                @Override
                public void onRefresh() {
                }
            };
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "hotel.sample-rooms=false")
    @FreshPostgres
    class WithoutAxonServer {

        @Autowired
        ApplicationContext context;

        @Test
        void commandsAndQueriesStayInTheJvmAndEventsGoToPostgres() {
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(SimpleCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(SimpleQueryBus.class);
            assertThat(context.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(((ConfigurableApplicationContext) context).getBeanFactory().getBeanDefinition("eventBus")
                               .getFactoryBeanName())
                    .as("the store that polls every hotel.eventstore.fetch-delay")
                    .isEqualTo(EventStoreAutoConfiguration.class.getName());
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            assertThat(context.getBeansOfType(AxonServerConfiguration.class)).isEmpty();
        }
    }
}
