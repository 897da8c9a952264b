package hotel.booking.platform.correlation;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdLoggingTest {

    private final RequestIdLogging interceptor = new RequestIdLogging();

    @Test
    void anEventIsHandledUnderTheIdOfTheRequestItCameFrom() throws Exception {
        AtomicReference<String> logged = new AtomicReference<>();
        var event = GenericEventMessage.asEventMessage("reserved").andMetaData(MetaData.with("requestId", "abc-123"));

        interceptor.handle(new DefaultUnitOfWork<>(event), () -> {
            logged.set(MDC.get("requestId"));
            return null;
        });

        assertThat(logged).hasValue("abc-123");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void theRequestBeingServedIsRestoredAfterwards() throws Exception {
        MDC.put("requestId", "outer");
        try {
            var event = GenericEventMessage.asEventMessage("x").andMetaData(MetaData.with("requestId", "inner"));
            interceptor.handle(new DefaultUnitOfWork<>(event), () -> null);

            assertThat(MDC.get("requestId")).isEqualTo("outer");
        } finally {
            MDC.remove("requestId");
        }
    }
}
