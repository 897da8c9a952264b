package hotel.booking.platform.correlation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reservations");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final AtomicReference<String> loggedWith = new AtomicReference<>();
    private final AtomicReference<String> seenByHandlers = new AtomicReference<>();

    private void serve() throws Exception {
        filter.doFilter(request, response, (req, res) -> {
            loggedWith.set(MDC.get("requestId"));
            seenByHandlers.set(RequestIds.of(request));
        });
    }

    @Test
    void theClientsRequestIdIsEchoedLoggedAndHandedOn() throws Exception {
        request.addHeader("X-Request-ID", "abc-123");

        serve();

        assertThat(response.getHeader("X-Request-ID")).isEqualTo("abc-123");
        assertThat(loggedWith).hasValue("abc-123");
        assertThat(seenByHandlers).hasValue("abc-123");
        assertThat(MDC.get("requestId")).as("the logging context is left clean").isNull();
    }

    @Test
    void aRequestWithoutIdGetsANewOne() throws Exception {
        serve();

        String generated = response.getHeader("X-Request-ID");
        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(loggedWith).hasValue(generated);
        assertThat(seenByHandlers).hasValue(generated);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "line\r\nX-Injected: yes", "<script>", "ünïcode", "semi;colon"})
    void anUnsafeRequestIdIsReplaced(String unsafe) throws Exception {
        request.addHeader("X-Request-ID", unsafe);

        serve();

        assertThat(response.getHeader("X-Request-ID")).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(response.getHeader("X-Request-ID"))).isNotNull();
    }

    @Test
    void aRequestIdIsAtMost128Characters() throws Exception {
        String longest = "a".repeat(128);
        assertThat(RequestIds.acceptOrGenerate(longest)).isEqualTo(longest);
        assertThat(RequestIds.acceptOrGenerate(longest + "a")).hasSize(36);
    }

    @Test
    void commonIdFormatsAreAccepted() {
        assertThat(RequestIds.acceptOrGenerate("0af7651916cd43dd8448eb211c80319c")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(RequestIds.acceptOrGenerate("req_2031.01.01:42")).isEqualTo("req_2031.01.01:42");
        assertThat(RequestIds.acceptOrGenerate("dGVzdA+/=")).isEqualTo("dGVzdA+/=");
    }
}
