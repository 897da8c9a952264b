package hotel.booking.query.reservation;

import hotel.booking.platform.json.JsonConfiguration;
import hotel.booking.platform.token.ReservationTokens;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ReservationQueryController.class, properties = {
        "hotel.security.staff-password=staff-secret", "hotel.security.analyst-password=analyst-secret"})
@Import({ReservationQueryControllerTest.Tokens.class, JsonConfiguration.class})
class ReservationQueryControllerTest {

    @TestConfiguration
    static class Tokens {
        @Bean
        ReservationTokens reservationTokens() {
            byte[] secret = new byte[32];
            Arrays.fill(secret, (byte) 3);
            return new ReservationTokens(secret);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ReservationTokens tokens;
    @MockitoBean
    QueryGateway queries;

    private final UUID id = UUID.randomUUID();

    @BeforeEach
    void aReservation() {
        ReservationView view = new ReservationView(id, "101", LocalDate.parse("2031-01-02"),
                LocalDate.parse("2031-01-04"), 2, new BigDecimal("200.00"), ReservationStatus.CONFIRMED,
                "Ada Lovelace", "ada@example.com", Instant.parse("2030-12-01T10:00:00Z"), null, null);
        when(queries.query(any(FindReservation.class), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(
                        id.equals(call.<FindReservation>getArgument(0).reservationId()) ? Optional.of(view)
                                : Optional.empty()));
    }

    @Test
    void theGuestReadsTheirReservationWithItsToken() throws Exception {
        mvc.perform(get("/api/reservations/{id}", id).header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.guestName").value("Ada Lovelace"));
    }

    @Test
    void staffReadAnyReservation() throws Exception {
        mvc.perform(get("/api/reservations/{id}", id).with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.status").value("CONFIRMED"));
    }

    @Test
    void anyoneElseIsRefused() throws Exception {
        mvc.perform(get("/api/reservations/{id}", id))
           .andExpect(status().isForbidden())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/api/reservations/{id}", id).header("X-Reservation-Token", tokens.tokenFor(UUID.randomUUID())))
           .andExpect(status().isForbidden());
        mvc.perform(get("/api/reservations/{id}", id).with(httpBasic("analyst", "analyst-secret")))
           .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownReservationIs404AndABadIdIs400() throws Exception {
        mvc.perform(get("/api/reservations/{id}", UUID.randomUUID()))
           .andExpect(status().isNotFound());
        mvc.perform(get("/api/reservations/not-a-uuid"))
           .andExpect(status().isBadRequest())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }
}
