package hotel.booking.platform.correlation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OriginDispatchInterceptorTest {

    private final OriginDispatchInterceptor interceptor = new OriginDispatchInterceptor();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reservations");

    @AfterEach
    void leaveNoRequestBehind() {
        RequestContextHolder.resetRequestAttributes();
    }

    private MetaData dispatch(CommandMessage<?> command) {
        return interceptor.handle(command).getMetaData();
    }

    private void serving(String requestId) {
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void aCommandSentWhileServingARequestCarriesItsIdAndAnonymousWhenNobodySignedIn() {
        serving("abc-123");

        MetaData metaData = dispatch(GenericCommandMessage.asCommandMessage("book"));

        assertThat(metaData).containsEntry("requestId", "abc-123").containsEntry("principal", "anonymous");
    }

    @Test
    void theSignedInUserIsThePrincipal() {
        request.setUserPrincipal(() -> "staff");
        serving("abc-123");

        assertThat(dispatch(GenericCommandMessage.asCommandMessage("cancel"))).containsEntry("principal", "staff");
    }

    @Test
    void aCommandSentOutsideAnyRequestComesFromTheSystemWithAnIdOfItsOwn() {
        MetaData first = dispatch(GenericCommandMessage.asCommandMessage("register"));
        MetaData second = dispatch(GenericCommandMessage.asCommandMessage("register"));

        assertThat(first).containsEntry("principal", "system");
        assertThat(UUID.fromString((String) first.get("requestId"))).isNotNull();
        assertThat(second.get("requestId")).isNotEqualTo(first.get("requestId"));
    }

    @Test
    void aRetriedCommandKeepsTheOriginItWasFirstSentWith() {
        CommandMessage<?> sent = GenericCommandMessage.asCommandMessage("book")
                .andMetaData(MetaData.with("requestId", "first").and("principal", "staff"));
        serving("other");

        assertThat(interceptor.handle(List.of(sent)).apply(0, sent)).isSameAs(sent);
    }
}
