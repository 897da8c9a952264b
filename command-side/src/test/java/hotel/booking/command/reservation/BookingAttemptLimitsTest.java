package hotel.booking.command.reservation;

import hotel.booking.command.room.RoomCommands;
import hotel.booking.platform.json.JsonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Three attempts, then one more a minute, per client address (each test its own addresses: one context). */
@WebMvcTest(controllers = ReservationController.class, properties = {
        "hotel.rate-limit.bookings.capacity=3", "hotel.rate-limit.bookings.refill-period=60s",
        "hotel.security.staff-password=staff-secret"})
@Import({BookingWindow.class, ReservationControllerTest.Fixed.class, JsonConfiguration.class})
class BookingAttemptLimitsTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RoomCommands commands;
    @MockitoBean
    ReservationRegistry registry;

    private static MockHttpServletRequestBuilder attempt(String from) {
        return post("/api/reservations").contentType(MediaType.APPLICATION_JSON).content("{}")
                                        .with(request -> {
                                            request.setRemoteAddr(from);
                                            return request;
                                        });
    }

    @Test
    void aClientThatUsedItsAttemptsGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(attempt("203.0.113.7")).andExpect(status().isBadRequest());
        }
        mvc.perform(attempt("203.0.113.7"))
           .andExpect(status().isTooManyRequests())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
           .andExpect(header().string("Retry-After", "60"))
           .andExpect(jsonPath("$.detail").value(containsString("Too many booking attempts")));
        mvc.perform(delete("/api/reservations/{id}", UUID.randomUUID()).with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isTooManyRequests());
    }

    @Test
    void otherClientsAreNotHeldUp() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(attempt("203.0.113.8"));
        }
        mvc.perform(attempt("198.51.100.2")).andExpect(status().isBadRequest());
    }

    @Test
    void aForgedForwardedForHeaderDoesNotBuyMoreAttempts() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(attempt("203.0.113.9").header("X-Forwarded-For", "10.0.0." + i));
        }
        mvc.perform(attempt("203.0.113.9").header("X-Forwarded-For", "10.0.0.99"))
           .andExpect(status().isTooManyRequests());
    }

    @Test
    void staffAreNotLimited() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(attempt("203.0.113.10").with(httpBasic("staff", "staff-secret")))
               .andExpect(status().isBadRequest());
        }
    }
}
