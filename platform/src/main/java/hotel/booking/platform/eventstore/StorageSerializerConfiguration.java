package hotel.booking.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hotel.booking.platform.privacy.SealedGuests;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Events, snapshots, tokens and messages as JSON: ISO dates, unknown fields ignored (what an older
 * version wrote stays readable), and every {@link hotel.booking.api.Guest} sealed with its guest's
 * key ({@link SealedGuests}), wherever it occurs.
 */
@Configuration(proxyBeanMethods = false)
public class StorageSerializerConfiguration {

    @Bean
    @Primary
    public Serializer serializer(SealedGuests guests) {
        return storageSerializer(guests);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    public static Serializer storageSerializer(SealedGuests guests) {
        ObjectMapper storage = Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                        SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .modulesToInstall(guests.module())
                .build();
        return JacksonSerializer.builder().objectMapper(storage).build();
    }
}
