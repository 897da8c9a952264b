package hotel.booking.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

/**
 * Two JSON dialects, on purpose. What clients send over HTTP is read strictly: an unknown or
 * repeated field, a second document after the first, a fraction where a whole number belongs, a
 * number or boolean where text belongs, an empty string for a value or a date in any form but
 * {@code YYYY-MM-DD} is a 400, not a guess. What
 * the event store holds is read leniently by Axon's Jackson serializer with a mapper of its own
 * ({@link hotel.booking.platform.eventstore.StorageSerializerConfiguration}), so that events written
 * by an older version stay readable whatever the HTTP settings.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictRequests() {
        return builder -> builder
                .failOnUnknownProperties(true)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(LocalDate.class, new IsoDateDeserializer())
                .postConfigurer(JsonConfiguration::noCoercion);
    }

    private static void noCoercion(ObjectMapper mapper) {
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
