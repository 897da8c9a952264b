package hotel.booking.query.stream;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamSettings.class)
class StreamConfiguration {

    /**
     * Axon's metrics would time and count each subscription-query update once per subscriber, looking its
     * dimensional meters up in the registry every time: with a thousand streams that was most of the
     * change listener's time (docs/performance.md). A change is counted once, where it arrives
     * ({@code hotel.availability.changes}), and the open streams are a gauge ({@code hotel.sse.connections});
     * every other Axon component keeps its metrics.
     */
    @Bean
    ConfigurerModule unmeteredSubscriptionUpdates() {
        return configurer -> configurer.configureMessageMonitor(QueryUpdateEmitter.class,
                (configuration, componentType, componentName) -> NoOpMessageMonitor.INSTANCE);
    }
}
