package hotel.booking.command.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RejectionDetails;
import hotel.booking.command.room.RoomCommands;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.token.ReservationTokens;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import hotel.booking.platform.json.JsonConfiguration;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ReservationController.class, properties = {
        "hotel.security.staff-password=staff-secret", "hotel.security.auditor-password=auditor-secret",
        "hotel.rate-limit.bookings.enabled=false"})
@Import({BookingWindow.class, ReservationControllerTest.Fixed.class, JsonConfiguration.class})
class ReservationControllerTest {

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

        @Bean
        GuestIds guestIds() {
            byte[] secret = new byte[32];
            Arrays.fill(secret, (byte) 9);
            return new GuestIds(() -> secret);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ReservationTokens tokens;
    @Autowired
    GuestIds guestIds;
    @MockitoBean
    RoomCommands commands;
    @MockitoBean
    ReservationRegistry registry;

    private static String booking(String checkIn, String checkOut) {
        return """
               {"roomNumber":"101","checkIn":"%s","checkOut":"%s","guestName":"Ada Lovelace",
                "guestEmail":"ada@example.com"}""".formatted(checkIn, checkOut);
    }

    @Test
    void aBookingAnswers201WithItsIdPriceAndCancellationToken() throws Exception {
        UUID id = UUID.randomUUID();
        when(commands.send(any(ReserveRoom.class))).thenReturn(new BigDecimal("300.00"));

        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON).content("""
                   {"reservationId":"%s","roomNumber":"101","checkIn":"2031-01-02","checkOut":"2031-01-05",
                    "guestName":"Ada Lovelace","guestEmail":"ada@example.com"}""".formatted(id)))
           .andExpect(status().isCreated())
           .andExpect(header().string("Location", "/api/reservations/" + id))
           .andExpect(jsonPath("$.reservationId").value(id.toString()))
           .andExpect(jsonPath("$.nights").value(3))
           .andExpect(jsonPath("$.totalPrice").value(300.00))
           .andExpect(jsonPath("$.cancellationToken").value(tokens.tokenFor(id)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing body|                                                              |missing or not readable",
            "malformed JSON|{\"roomNumber\":                                            |not well-formed JSON",
            "unknown field|{\"roomNumber\":\"101\",\"nights\":3}                        |Unknown field 'nights'",
            "bad date|{\"roomNumber\":\"101\",\"checkIn\":\"2031-13-01\"}               |'checkIn' must be a date",
            "bad id|{\"reservationId\":\"../../etc\",\"roomNumber\":\"101\"}           |'reservationId' must be a UUID",
            "missing fields|{\"roomNumber\":\"101\"}                                    |guestName: must not be null",
            "bad room number|{\"roomNumber\":\"1/../2\",\"checkIn\":\"2031-01-02\",\"checkOut\":\"2031-01-03\",\"guestName\":\"A\",\"guestEmail\":\"a@b.cd\"}|roomNumber: must be",
            "bad e-mail|{\"roomNumber\":\"101\",\"checkIn\":\"2031-01-02\",\"checkOut\":\"2031-01-03\",\"guestName\":\"A\",\"guestEmail\":\"not-an-address\"}|guestEmail: must be an e-mail",
            "control characters|{\"roomNumber\":\"101\",\"checkIn\":\"2031-01-02\",\"checkOut\":\"2031-01-03\",\"guestName\":\"A\\u0000B\",\"guestEmail\":\"a@b.cd\"}|guestName: must be printable",
    })
    void badInputIsA400ProblemThatSaysWhatIsWrong(String name, String body, String detail) throws Exception {
        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON).content(body == null ? "" : body))
           .andExpect(status().isBadRequest())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
           .andExpect(jsonPath("$.status").value(400))
           .andExpect(jsonPath("$.title").value("Bad Request"))
           .andExpect(jsonPath("$.detail").value(containsString(detail.trim())));
        verify(commands, never()).send(any());
    }

    @Test
    void aStayThatStartedYesterdayCannotBeBooked() throws Exception {
        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON)
                                              .content(booking("2030-12-31", "2031-01-02")))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.detail").value(containsString("in the past")));
        verify(commands, never()).send(any());
    }

    @Test
    void bookingsBeyondTheHorizonAreRefused() throws Exception {
        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON)
                                              .content(booking("9999-01-01", "9999-01-02")))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.detail").value(containsString("open up to")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"NIGHTS_TAKEN,409", "ROOM_NOT_FOUND,404", "STAY_TOO_LONG,400", "INVALID_STAY,400",
            "RESERVATION_ID_CONFLICT,409"})
    void theRoomsRefusalBecomesAProblemWithItsStatus(Rejection rejection, int status) throws Exception {
        when(commands.send(any(ReserveRoom.class))).thenThrow(new CommandExecutionException("refused", null,
                new RejectionDetails(rejection, "the room said no")));

        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON)
                                              .content(booking("2031-01-02", "2031-01-05")))
           .andExpect(status().is(status))
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
           .andExpect(jsonPath("$.detail").value("the room said no"))
           .andExpect(jsonPath("$.rejection").value(rejection.name()));
    }

    @Test
    void aReservationIdAlreadyUsedForAnotherRoomIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("205", false)));

        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON).content("""
                   {"reservationId":"%s","roomNumber":"101","checkIn":"2031-01-02","checkOut":"2031-01-05",
                    "guestName":"Ada","guestEmail":"ada@example.com"}""".formatted(id)))
           .andExpect(status().isConflict());
        verify(commands, never()).send(any());
    }

    @Test
    void theGuestCancelsWithTheirToken() throws Exception {
        UUID id = UUID.randomUUID();
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("101", false)));

        mvc.perform(delete("/api/reservations/{id}", id).header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isNoContent());
        verify(commands).send(new ReleaseRoom("101", id, ReleaseReason.CANCELLED_BY_GUEST));
    }

    @Test
    void staffCancelAnyReservationWithoutItsToken() throws Exception {
        UUID id = UUID.randomUUID();
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("101", false)));

        mvc.perform(delete("/api/reservations/{id}", id).with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isNoContent());
        verify(commands).send(new ReleaseRoom("101", id, ReleaseReason.CANCELLED_BY_STAFF));
    }

    @Test
    void anotherSignedInAccountIsNoGuestAndNoStaff() throws Exception {
        UUID id = UUID.randomUUID();
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("101", false)));

        mvc.perform(delete("/api/reservations/{id}", id).with(httpBasic("auditor", "auditor-secret")))
           .andExpect(status().isForbidden());
        verify(commands, never()).send(any());
    }

    @Test
    void withoutTheRightTokenNobodyCancels() throws Exception {
        UUID id = UUID.randomUUID();
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("101", false)));

        mvc.perform(delete("/api/reservations/{id}", id).header("X-Reservation-Token", tokens.tokenFor(UUID.randomUUID())))
           .andExpect(status().isForbidden());
        mvc.perform(delete("/api/reservations/{id}", id))
           .andExpect(status().isForbidden());
        verify(commands, never()).send(any());
    }

    @Test
    void cancellingWhatDoesNotExistIs404AndABadIdIs400() throws Exception {
        mvc.perform(delete("/api/reservations/{id}", UUID.randomUUID()))
           .andExpect(status().isNotFound())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(delete("/api/reservations/not-a-uuid"))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.detail").value("Parameter 'reservationId' must be a UUID"));
    }

    @Test
    void anIdempotencyKeyNamesTheReservationSoARetryIsTheSameBooking() throws Exception {
        String key = "8e03978e-40d5-43e8-bc93-6894a57f9324";
        UUID named = IdempotencyKey.parse(key).reservationId();
        when(commands.send(any(ReserveRoom.class))).thenReturn(new BigDecimal("300.00"));

        for (String sent : List.of(key, '"' + key + '"')) {
            mvc.perform(post("/api/reservations").header("Idempotency-Key", sent)
                                                  .contentType(MediaType.APPLICATION_JSON)
                                                  .content(booking("2031-01-02", "2031-01-05")))
               .andExpect(status().isCreated())
               .andExpect(jsonPath("$.reservationId").value(named.toString()))
               .andExpect(jsonPath("$.cancellationToken").value(tokens.tokenFor(named)));
        }
        verify(commands, times(2)).send(new ReserveRoom("101", named,
                new Stay(LocalDate.parse("2031-01-02"), LocalDate.parse("2031-01-05")),
                Guest.identified(guestIds.of("ada@example.com"), "Ada Lovelace", "ada@example.com")));
    }

    @Test
    void aKeyReusedForAnotherBookingIs422() throws Exception {
        when(commands.send(any(ReserveRoom.class))).thenThrow(new CommandExecutionException("refused", null,
                new RejectionDetails(Rejection.RESERVATION_ID_CONFLICT, "already exists with other details")));

        mvc.perform(post("/api/reservations").header("Idempotency-Key", "8e03978e-40d5-43e8-bc93-6894a57f9324")
                                              .contentType(MediaType.APPLICATION_JSON)
                                              .content(booking("2031-01-02", "2031-01-05")))
           .andExpect(status().isUnprocessableEntity())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
           .andExpect(jsonPath("$.detail").value(containsString("already used for a booking with other details")));
    }

    @Test
    void aKeyThatDisagreesWithTheReservationIdIs400() throws Exception {
        mvc.perform(post("/api/reservations").header("Idempotency-Key", "8e03978e-40d5-43e8-bc93-6894a57f9324")
                                              .contentType(MediaType.APPLICATION_JSON).content("""
                   {"reservationId":"%s","roomNumber":"101","checkIn":"2031-01-02","checkOut":"2031-01-05",
                    "guestName":"Ada","guestEmail":"ada@example.com"}""".formatted(UUID.randomUUID())))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.detail").value(containsString("send one of them, not both")));
        verify(commands, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "too-short", "has spaces in it, see", "\"\"", "ключ-ключ-ключ-ключ-ключ"})
    void aKeyThatCannotNameABookingIs400(String key) throws Exception {
        mvc.perform(post("/api/reservations").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                                              .content(booking("2031-01-02", "2031-01-05")))
           .andExpect(status().isBadRequest())
           .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key must be")));
        verify(commands, never()).send(any());
    }

    @Test
    void aVeryLongKeyIs400Too() throws Exception {
        aKeyThatCannotNameABookingIs400("k".repeat(129));
    }

    @Test
    void cancellingTwiceIsAConflict() throws Exception {
        UUID id = UUID.randomUUID();
        when(registry.find(id)).thenReturn(Optional.of(new ReservationRegistry.Entry("101", true)));
        when(commands.send(any(ReleaseRoom.class))).thenThrow(new CommandExecutionException("refused", null,
                new RejectionDetails(Rejection.RESERVATION_ALREADY_RELEASED, "already released")));

        mvc.perform(delete("/api/reservations/{id}", id).header("X-Reservation-Token", tokens.tokenFor(id)))
           .andExpect(status().isConflict());
    }
}
