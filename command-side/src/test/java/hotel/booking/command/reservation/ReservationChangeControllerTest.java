package hotel.booking.command.reservation;

import hotel.booking.api.ChangeStay;
import hotel.booking.api.RequestMove;
import hotel.booking.api.Stay;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RejectionDetails;
import hotel.booking.command.room.RoomCommands;
import hotel.booking.platform.json.JsonConfiguration;
import hotel.booking.platform.token.ReservationTokens;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ReservationChangeController.class, properties = {
        "hotel.security.staff-password=staff-secret", "hotel.rate-limit.bookings.enabled=false",
        "hotel.command.timeout=200ms"})
@Import({BookingWindow.class, ReservationChangeControllerTest.Fixed.class, JsonConfiguration.class})
class ReservationChangeControllerTest {

    @TestConfiguration
    static class Fixed {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2031-01-01T12:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        ReservationTokens reservationTokens() {
            byte[] secret = new byte[32];
            Arrays.fill(secret, (byte) 7);
            return new ReservationTokens(secret);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ReservationTokens tokens;
    @MockitoBean
    RoomCommands commands;
    @MockitoBean
    ReservationRegistry registry;
    @MockitoBean
    ReservationMoves moves;

    private final UUID id = UUID.randomUUID();
    private static final String NEW_DATES = "{\"checkIn\":\"2031-02-02\",\"checkOut\":\"2031-02-05\"}";

    private void inRoom101() {
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("101", false)));
    }

    @Test
    void theGuestChangesTheDatesInTheRoomThatHoldsTheReservation() throws Exception {
        inRoom101();
        when(commands.send(any(ChangeStay.class))).thenReturn(new BigDecimal("300.00"));

        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON).content(NEW_DATES)
                                                         .header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.roomNumber").value("101"))
           .andExpect(jsonPath("$.nights").value(3))
           .andExpect(jsonPath("$.totalPrice").value(300.00))
           .andExpect(jsonPath("$.currency").value("EUR"));
        verify(commands).send(new ChangeStay("101", id,
                new Stay(LocalDate.parse("2031-02-02"), LocalDate.parse("2031-02-05"))));
    }

    @Test
    void withoutTheTokenNothingChanges() throws Exception {
        inRoom101();

        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON).content(NEW_DATES))
           .andExpect(status().isForbidden())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(post("/api/reservations/{id}/move", id).contentType(MediaType.APPLICATION_JSON)
                                                             .content("{\"roomNumber\":\"102\"}"))
           .andExpect(status().isForbidden());
        verify(commands, never()).send(any());
    }

    @Test
    void anUnknownReservationIs404AndPastDatesAre400() throws Exception {
        when(registry.find(id)).thenReturn(Optional.empty());

        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON).content(NEW_DATES)
                                                         .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isNotFound());
        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                                                         .content("{\"checkIn\":\"2030-12-30\",\"checkOut\":\"2031-01-02\"}")
                                                         .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.detail").value(containsString("in the past")));
        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON)
                                                         .content("{\"checkIn\":\"2031-02-02\",\"nights\":3}")
                                                         .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isBadRequest())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }

    @Test
    void nightsTakenByAnotherGuestAreA409() throws Exception {
        inRoom101();
        when(commands.send(any(ChangeStay.class))).thenThrow(new CommandExecutionException("taken", null,
                new RejectionDetails(Rejection.NIGHTS_TAKEN, "Room 101 is already booked")));

        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON).content(NEW_DATES)
                                                         .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isConflict())
           .andExpect(jsonPath("$.rejection").value("NIGHTS_TAKEN"));
    }

    @Test
    void aHoldNotYetConfirmedCannotChangeDatesOrMove() throws Exception {
        inRoom101();
        when(commands.send(any())).thenThrow(new CommandExecutionException("held", null,
                new RejectionDetails(Rejection.HOLD_NOT_CONFIRMED, "Reservation is a hold not yet confirmed")));

        mvc.perform(patch("/api/reservations/{id}", id).contentType(MediaType.APPLICATION_JSON).content(NEW_DATES)
                                                         .header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isConflict())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
           .andExpect(jsonPath("$.rejection").value("HOLD_NOT_CONFIRMED"));
        mvc.perform(post("/api/reservations/{id}/move", id).contentType(MediaType.APPLICATION_JSON)
                                                             .content("{\"roomNumber\":\"102\"}")
                                                             .header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isConflict())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
           .andExpect(jsonPath("$.rejection").value("HOLD_NOT_CONFIRMED"));
    }

    @Test
    void aMoveAnswersWithItsOutcome() throws Exception {
        inRoom101();
        ArgumentCaptor<RequestMove> sent = ArgumentCaptor.forClass(RequestMove.class);
        when(moves.find(any())).thenAnswer(call -> Optional.of(new ReservationMoves.Move(call.getArgument(0), id,
                "101", "102", LocalDate.parse("2031-02-02"), LocalDate.parse("2031-02-04"),
                ReservationMoves.Status.MOVED, new BigDecimal("400.00"), "EUR", null, null)));

        mvc.perform(post("/api/reservations/{id}/move", id).contentType(MediaType.APPLICATION_JSON)
                                                             .content("{\"roomNumber\":\"102\"}")
                                                             .header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.roomNumber").value("102"))
           .andExpect(jsonPath("$.totalPrice").value(400.00));
        verify(commands).send(sent.capture());
        assertThat(sent.getValue().roomNumber()).isEqualTo("101");
        assertThat(sent.getValue().targetRoom()).isEqualTo("102");
    }

    @Test
    void aRefusedMoveIsAProblemThatSaysWhy() throws Exception {
        inRoom101();
        when(moves.find(any())).thenAnswer(call -> Optional.of(new ReservationMoves.Move(call.getArgument(0), id,
                "101", "102", LocalDate.parse("2031-02-02"), LocalDate.parse("2031-02-04"),
                ReservationMoves.Status.FAILED, null, null, "NIGHTS_TAKEN", "Room 102 is already booked")));

        mvc.perform(post("/api/reservations/{id}/move", id).contentType(MediaType.APPLICATION_JSON)
                                                             .content("{\"room\":\"102\"}")
                                                             .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isConflict())
           .andExpect(jsonPath("$.rejection").value("NIGHTS_TAKEN"))
           .andExpect(jsonPath("$.detail").value(containsString("stays in room 101")));
    }

    @Test
    void aMoveStillUnderWayWhenTheTimeIsUpIsA202() throws Exception {
        inRoom101();
        when(moves.find(any())).thenAnswer(call -> Optional.of(new ReservationMoves.Move(call.getArgument(0), id,
                "101", "102", LocalDate.parse("2031-02-02"), LocalDate.parse("2031-02-04"),
                ReservationMoves.Status.PENDING, null, null, null, null)));

        mvc.perform(post("/api/reservations/{id}/move", id).contentType(MediaType.APPLICATION_JSON)
                                                             .content("{\"roomNumber\":\"102\"}")
                                                             .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isAccepted())
           .andExpect(header().string("Location", "/api/reservations/" + id));
    }

    @Test
    void aMoveNeedsOneValidRoom() throws Exception {
        inRoom101();

        for (String body : new String[]{"{}", "{\"roomNumber\":\"1/2\"}", "{\"roomNumber\":\"102\",\"room\":\"103\"}",
                "{\"roomNumber\":102}"}) {
            mvc.perform(post("/api/reservations/{id}/move", id).contentType(MediaType.APPLICATION_JSON).content(body)
                                                                 .with(httpBasic("staff", "staff-secret")))
               .andExpect(status().isBadRequest())
               .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
        verify(commands, never()).send(any());
    }
}
