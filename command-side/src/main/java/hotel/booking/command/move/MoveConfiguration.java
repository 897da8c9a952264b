package hotel.booking.command.move;

import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MoveConfiguration {

    /** The saga store on the tables Flyway makes ({@code V2026_11_30_40__reservation_moves.sql}). */
    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                                                   .sagaEntryTable("saga_entry")
                                                   .revisionColumn("revision")
                                                   .serializedSagaColumn("serialized_saga")
                                                   .associationValueEntryTable("association_value_entry")
                                                   .associationKeyColumn("association_key")
                                                   .associationValueColumn("association_value")
                                                   .sagaIdColumn("saga_id")
                                                   .sagaTypeColumn("saga_type")
                                                   .build());
    }
}
