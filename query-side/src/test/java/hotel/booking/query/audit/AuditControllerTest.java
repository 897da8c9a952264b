package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.query.reservation.FindReservation;
import hotel.booking.query.reservation.ReservationStatus;
import hotel.booking.query.reservation.ReservationView;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuditController.class)
@WithMockUser(roles = "AUDITOR")
class AuditControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AuditLog log;
    @MockitoBean
    QueryGateway queries;

    private static AuditEvent event(long position, String aggregate) {
        return new AuditEvent(position, Instant.parse("2031-01-01T10:00:00.5Z"), "RoomRegistered", "1", "Room",
                aggregate, 0, "event-" + position, JSON.createObjectNode().put("roomNumber", aggregate),
                JSON.createObjectNode().put("requestId", "abc-123"));
    }

    @Test
    void eventsArePagedInGlobalOrderWithTheirPayloadAndMetadataAsJson() throws Exception {
        when(log.page(0, 100)).thenReturn(new AuditPage(0, 100, 2, List.of(event(1, "101"), event(2, "102"))));

        mvc.perform(get("/api/audit/events"))
           .andExpect(status().isOk())
           .andExpect(content().contentType(MediaType.APPLICATION_JSON))
           .andExpect(jsonPath("$.nextAfter").value(2))
           .andExpect(jsonPath("$.events[0].position").value(1))
           .andExpect(jsonPath("$.events[0].timestamp").value("2031-01-01T10:00:00.500Z"))
           .andExpect(jsonPath("$.events[0].type").value("RoomRegistered"))
           .andExpect(jsonPath("$.events[0].aggregate").value("101"))
           .andExpect(jsonPath("$.events[0].sequence").value(0))
           .andExpect(jsonPath("$.events[0].payload.roomNumber").value("101"))
           .andExpect(jsonPath("$.events[0].metadata.requestId").value("abc-123"))
           .andExpect(jsonPath("$.events[1].position").value(2));
    }

    @Test
    void theCallerChoosesWhereToStartAndHowMany() throws Exception {
        when(log.page(41, 1000)).thenReturn(new AuditPage(41, 1000, 41, List.of()));

        mvc.perform(get("/api/audit/events").param("after", "41").param("limit", "1000")
                                            .accept(MediaType.APPLICATION_JSON))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.events").isEmpty())
           .andExpect(jsonPath("$.nextAfter").value(41));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"limit,1001,limit: must be less than or equal to 1000", "limit,0,limit: must be greater than",
            "after,-1,after: must be greater than or equal to 0", "after,abc,'after' must be a number"})
    void aBadPageIsA400Problem(String parameter, String value, String detail) throws Exception {
        mvc.perform(get("/api/audit/events").param(parameter, value))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.detail").value(containsString(detail)));
        verify(log, never()).page(anyLong(), anyInt());
    }

    @Test
    void theWholeHistoryStreamsAsOneJsonEventPerLine() throws Exception {
        doAnswer(call -> {
            Consumer<AuditEvent> sink = call.getArgument(2);
            for (long position = 1; position <= 3; position++) {
                sink.accept(event(position, "10" + position));
            }
            return null;
        }).when(log).stream(eq(0L), eq(Long.MAX_VALUE), any());

        String body = mvc.perform(get("/api/audit/events").accept("application/x-ndjson"))
                         .andExpect(status().isOk())
                         .andExpect(header().string("Content-Type", containsString("application/x-ndjson")))
                         .andReturn().getResponse().getContentAsString();

        assertThat(body).endsWith("\n");
        List<JsonNode> lines = body.lines().map(AuditControllerTest::parse).toList();
        assertThat(lines).extracting(line -> line.get("position").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(2).get("payload").get("roomNumber").asText()).isEqualTo("103");
    }

    @Test
    void aStreamCanStartAfterAPositionAndStopAtALimit() throws Exception {
        mvc.perform(get("/api/audit/events").param("after", "10").param("limit", "5000")
                                            .accept("application/x-ndjson"))
           .andExpect(status().isOk());
        verify(log).stream(eq(10L), eq(5000L), any());

        mvc.perform(get("/api/audit/events").param("limit", "0").accept("application/x-ndjson"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRoomsHistoryIsItsEvents() throws Exception {
        when(log.roomHistory("101")).thenReturn(List.of(event(1, "101")));

        mvc.perform(get("/api/audit/rooms/101/history"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.roomNumber").value("101"))
           .andExpect(jsonPath("$.events[0].type").value("RoomRegistered"));
    }

    @Test
    void anUnknownRoomIs404() throws Exception {
        when(log.roomHistory("999")).thenReturn(List.of());

        mvc.perform(get("/api/audit/rooms/999/history"))
           .andExpect(status().isNotFound())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.detail").value("There is no room 999"));
    }

    @Test
    void aReservationsHistoryIsFoundThroughItsRoom() throws Exception {
        UUID id = UUID.randomUUID();
        ReservationView view = new ReservationView(id, "101", LocalDate.parse("2031-01-01"),
                LocalDate.parse("2031-01-03"), 2, new BigDecimal("240.00"), ReservationStatus.CONFIRMED, "Ada",
                "ada@example.com", Instant.parse("2030-12-01T10:00:00Z"), null, null);
        doReturn(CompletableFuture.completedFuture(Optional.of(view)))
                .when(queries).query(eq(new FindReservation(id)), any(ResponseType.class));
        when(log.reservationHistory("101", id)).thenReturn(List.of(event(7, "101")));

        mvc.perform(get("/api/audit/reservations/{id}/history", id))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.reservationId").value(id.toString()))
           .andExpect(jsonPath("$.roomNumber").value("101"))
           .andExpect(jsonPath("$.events[0].position").value(7));
    }

    @Test
    void anUnknownReservationIs404AndABadIdIs400() throws Exception {
        doReturn(CompletableFuture.completedFuture(Optional.empty()))
                .when(queries).query(any(FindReservation.class), any(ResponseType.class));

        mvc.perform(get("/api/audit/reservations/{id}/history", UUID.randomUUID()))
           .andExpect(status().isNotFound())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/audit/reservations/not-a-uuid/history"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("Not a JSON line: " + line, e);
        }
    }
}
