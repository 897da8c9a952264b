package hotel.booking.query.audit;

import hotel.booking.api.RoomType;
import hotel.booking.query.availability.AvailabilityQuery;
import hotel.booking.query.availability.AvailabilityRanges;
import hotel.booking.query.availability.NightAvailability;
import hotel.booking.query.availability.RoomAvailability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(PastAvailabilityController.class)
@Import({AvailabilityRanges.class, PastAvailabilityControllerTest.FixedClock.class})
@WithMockUser(roles = "AUDITOR")
class PastAvailabilityControllerTest {

    static final Instant NOW = Instant.parse("2031-03-01T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PastAvailability past;

    private static MockHttpServletRequestBuilder asOf(String asOf, String from, String to) {
        MockHttpServletRequestBuilder request = get("/api/audit/availability");
        if (asOf != null) {
            request.param("asOf", asOf);
        }
        if (from != null) {
            request.param("from", from);
        }
        if (to != null) {
            request.param("to", to);
        }
        return request;
    }

    @Test
    void theAnswerIsThePastAvailabilityWithTheInstantEchoedInUtc() throws Exception {
        Instant asOf = Instant.parse("2031-02-01T08:30:00Z");
        LocalDate from = LocalDate.parse("2031-02-10");
        AvailabilityQuery query = new AvailabilityQuery(from, from.plusDays(2), RoomType.SUITE, null);
        when(past.at(asOf, query)).thenReturn(new AvailabilityAsOf(asOf, from, from.plusDays(2), 42,
                List.of(new RoomAvailability("301", RoomType.SUITE, 4, new BigDecimal("300.00"),
                        List.of(new NightAvailability(from, false), new NightAvailability(from.plusDays(1), true))))));

        mvc.perform(asOf("2031-02-01T09:30:00+01:00", "2031-02-10", "2031-02-12").param("type", "SUITE"))
           .andExpect(status().isOk())
           .andExpect(content().contentType(MediaType.APPLICATION_JSON))
           .andExpect(jsonPath("$.asOf").value("2031-02-01T08:30:00Z"))
           .andExpect(jsonPath("$.from").value("2031-02-10"))
           .andExpect(jsonPath("$.to").value("2031-02-12"))
           .andExpect(jsonPath("$.position").value(42))
           .andExpect(jsonPath("$.rooms[0].roomNumber").value("301"))
           .andExpect(jsonPath("$.rooms[0].type").value("SUITE"))
           .andExpect(jsonPath("$.rooms[0].nights[0].date").value("2031-02-10"))
           .andExpect(jsonPath("$.rooms[0].nights[0].available").value(false))
           .andExpect(jsonPath("$.rooms[0].nights[1].available").value(true));
    }

    @Test
    void nowItselfMayBeAsked() throws Exception {
        mvc.perform(asOf(NOW.toString(), "2031-03-01", "2031-03-02")).andExpect(status().isOk());
        verify(past).at(any(), any());
    }

    @ParameterizedTest(name = "asOf={0} from={1} to={2}")
    @CsvSource(nullValues = "null", value = {
            "null,                           2031-02-10, 2031-02-12, asOf",
            "2031-02-01T08:30:00Z,           null,       2031-02-12, from",
            "2031-02-01T08:30:00Z,           2031-02-10, null,       to",
            "yesterday,                      2031-02-10, 2031-02-12, 'asOf' must be an instant",
            "2031-02-01,                     2031-02-10, 2031-02-12, 'asOf' must be an instant",
            "'',                             2031-02-10, 2031-02-12, 'asOf' must be an instant",
            "2031-02-01T08:30:00 01:00,      2031-02-10, 2031-02-12, %2B",
            "2031-03-01T12:00:00.000001Z,    2031-02-10, 2031-02-12, in the future",
            "2031-03-01T12:00:01+00:00,      2031-02-10, 2031-02-12, in the future",
            "1969-12-31T23:59:59Z,           1969-12-10, 1969-12-12, must not be before",
            "2031-02-01T08:30:00Z,           2031-02-12, 2031-02-12, must be after 'from'",
            "2031-02-01T08:30:00Z,           2031-02-13, 2031-02-12, must be after 'from'",
            "2031-02-01T08:30:00Z,           2031-02-10, 2032-02-12, at most 366 nights",
            "2031-02-01T08:30:00Z,           2031-02-1,  2031-02-12, 'from' must be a date",
            "2028-01-01T00:00:00Z,           2031-02-10, 2031-02-12, Ask about nights between",
    })
    void badInputIsA400Problem(String asOf, String from, String to, String detail) throws Exception {
        mvc.perform(asOf(asOf, from, to))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.status").value(400))
           .andExpect(jsonPath("$.detail").value(containsString(detail)));
        verify(past, never()).at(any(), any());
    }

    @Test
    void anUnknownRoomTypeIsA400Problem() throws Exception {
        mvc.perform(asOf("2031-02-01T08:30:00Z", "2031-02-10", "2031-02-12").param("type", "PALACE"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithAnonymousUser
    void aGuestMustSignIn() throws Exception {
        mvc.perform(asOf("2031-02-01T08:30:00Z", "2031-02-10", "2031-02-12"))
           .andExpect(status().isUnauthorized())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verify(past, never()).at(any(), any());
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffMayNotLookIntoThePast() throws Exception {
        mvc.perform(asOf("2031-02-01T08:30:00Z", "2031-02-10", "2031-02-12"))
           .andExpect(status().isForbidden())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verify(past, never()).at(any(), any());
    }
}
