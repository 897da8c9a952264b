package hotel.booking.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The contract's table of who may do what, against an app that answers 200 at every address. */
@WebMvcTest(properties = {
        "hotel.security.staff-password=staff-secret",
        "hotel.security.auditor-password=auditor-secret",
        "hotel.security.analyst-password={bcrypt}$2a$10$EJFGNY7GhbTaUdgQPpzPZuC.8kOki39zVVar0DzqtcOrhX6BZzE86"})
@Import(AccessRulesTest.EveryAddress.class)
class AccessRulesTest {

    /** The analyst's password, configured above already hashed. */
    private static final String ANALYST_SECRET = "analyst-secret";

    @RestController
    static class EveryAddress {
        @RequestMapping("/**")
        String ok() {
            return "ok";
        }
    }

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return switch (who) {
            case "guest" -> request;
            case "analyst" -> request.with(httpBasic("analyst", ANALYST_SECRET));
            default -> request.with(httpBasic(who, who + "-secret"));
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @CsvSource({
            "POST,   /api/rooms,                            guest,   401",
            "POST,   /api/rooms,                            auditor, 403",
            "POST,   /api/rooms,                            analyst, 403",
            "POST,   /api/rooms,                            staff,   200",
            "GET,    /api/rooms,                            guest,   200",
            "GET,    /api/availability,                     guest,   200",
            "GET,    /api/availability/stream,              guest,   200",
            "POST,   /api/reservations,                     guest,   200",
            "GET,    /api/reservations/42,                  guest,   200",
            "DELETE, /api/reservations/42,                  guest,   200",
            "PATCH,  /api/reservations/42,                  guest,   200",
            "POST,   /api/reservations/42/move,             guest,   200",
            "PUT,    /api/rooms/101/rates,                  guest,   401",
            "PUT,    /api/rooms/101/rates,                  analyst, 403",
            "PUT,    /api/rooms/101/rates,                  staff,   200",
            "GET,    /api/rooms/101/rates,                  guest,   200",
            "GET,    /api/quote,                            guest,   200",
            "POST,   /api/quote,                            staff,   403",
            "PUT,    /api/reservations/42,                  guest,   401",
            "PUT,    /api/reservations/42,                  staff,   403",
            "POST,   /api/holds,                            guest,   200",
            "POST,   /api/holds/42/confirm,                 guest,   200",
            "GET,    /api/holds/42,                         staff,   403",
            "POST,   /api/rooms/101/blocks,                 guest,   401",
            "POST,   /api/rooms/101/blocks,                 auditor, 403",
            "POST,   /api/rooms/101/blocks,                 staff,   200",
            "DELETE, /api/rooms/101/blocks/42,              guest,   401",
            "DELETE, /api/rooms/101/blocks/42,              analyst, 403",
            "DELETE, /api/rooms/101/blocks/42,              staff,   200",
            "DELETE, /api/guests/abc,                       guest,   401",
            "DELETE, /api/guests?email=a@b.c,               guest,   401",
            "DELETE, /api/guests/abc,                       auditor, 403",
            "DELETE, /api/guests?email=a@b.c,               analyst, 403",
            "DELETE, /api/guests/abc,                       staff,   200",
            "DELETE, /api/guests?email=a@b.c,               staff,   200",
            "GET,    /api/guests/abc,                       staff,   403",
            "GET,    /api/audit/events,                     guest,   401",
            "GET,    /api/audit/rooms/101/history,          staff,   403",
            "GET,    /api/audit/events,                     analyst, 403",
            "GET,    /api/audit/events,                     auditor, 200",
            "GET,    /api/audit/availability,               guest,   401",
            "GET,    /api/audit/availability,               staff,   403",
            "GET,    /api/audit/availability,               analyst, 403",
            "GET,    /api/audit/availability,               auditor, 200",
            "GET,    /api/admin/projections,                guest,   401",
            "POST,   /api/admin/projections/rooms/replay,   staff,   403",
            "POST,   /api/admin/projections/rooms/replay,   auditor, 403",
            "POST,   /api/admin/projections/rooms/replay,   analyst, 200",
            "GET,    /api/reports/occupancy,                guest,   401",
            "GET,    /api/reports/occupancy,                auditor, 403",
            "GET,    /api/reports/occupancy,                analyst, 200",
            "GET,    /api/anything-else,                    guest,   401",
            "GET,    /api/anything-else,                    staff,   403",
            "GET,    /actuator/health,                      guest,   200",
            "GET,    /actuator/health/readiness,            guest,   200",
            "GET,    /actuator/prometheus,                  guest,   200",
            "GET,    /actuator/metrics,                     guest,   401",
            "GET,    /actuator/env,                         auditor, 403",
            "GET,    /actuator/metrics,                     staff,   200",
            "GET,    /,                                     guest,   200",
            "GET,    /index.html,                           guest,   200",
            "GET,    /app.js,                               guest,   200",
            "POST,   /index.html,                           guest,   401",
    })
    void whoMayDoWhat(HttpMethod method, String path, String who, int expected) throws Exception {
        var result = mvc.perform(as(who, request(method, path))).andExpect(status().is(expected));
        if (expected >= 400) {
            result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                  .andExpect(jsonPath("$.status").value(expected));
        }
    }

    @Test
    void aWrongPasswordIsA401ThatSaysSo() throws Exception {
        mvc.perform(get("/api/rooms").with(httpBasic("staff", "guess")))
           .andExpect(status().isUnauthorized())
           .andExpect(jsonPath("$.detail").value("The user name or password is wrong"));
        mvc.perform(post("/api/rooms").with(httpBasic("nobody", "staff-secret")))
           .andExpect(status().isUnauthorized());
    }

    @Test
    void a401AsksForBasicSignInButNotFromAPagesScript() throws Exception {
        mvc.perform(get("/api/audit/events"))
           .andExpect(status().isUnauthorized())
           .andExpect(header().string("WWW-Authenticate", SecurityProblems.CHALLENGE));
        mvc.perform(get("/api/audit/events").header("X-Requested-With", "XMLHttpRequest"))
           .andExpect(status().isUnauthorized())
           .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void signingInMakesNoSession() throws Exception {
        mvc.perform(post("/api/rooms").with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isOk())
           .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void anAddressTheFirewallRefusesIsA400Problem() throws Exception {
        mvc.perform(get("/api/reservations/42;jsessionid=x"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
