package hotel.booking.command.room;

import hotel.booking.api.RegisterRoom;
import hotel.booking.api.RoomType;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import hotel.booking.platform.json.JsonConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;

import static org.mockito.ArgumentMatchers.any;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = RoomController.class, properties = "hotel.security.staff-password=staff-secret")
@Import(JsonConfiguration.class)
class RoomControllerTest {

    private static final RequestPostProcessor STAFF = httpBasic("staff", "staff-secret");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RoomCommands commands;

    @Test
    void registeringARoomAnswers201() throws Exception {
        mvc.perform(post("/api/rooms").with(STAFF).contentType(MediaType.APPLICATION_JSON).content("""
                   {"roomNumber":"201","type":"SUITE","capacity":3,"nightlyRate":250.00}"""))
           .andExpect(status().isCreated())
           .andExpect(header().string("Location", "/api/rooms/201"));
        verify(commands).send(new RegisterRoom("201", RoomType.SUITE, 3, new BigDecimal("250.00")));
    }

    @Test
    void aRoomThatExistsIsAConflict() throws Exception {
        when(commands.send(any())).thenThrow(new CommandExecutionException("refused", null,
                new RejectionDetails(Rejection.ROOM_ALREADY_REGISTERED, "Room 201 is already registered")));

        mvc.perform(post("/api/rooms").with(STAFF).contentType(MediaType.APPLICATION_JSON).content("""
                   {"roomNumber":"201","type":"SUITE","capacity":3,"nightlyRate":250.00}"""))
           .andExpect(status().isConflict())
           .andExpect(jsonPath("$.detail").value("Room 201 is already registered"));
    }

    @Test
    void onlyStaffRegisterRooms() throws Exception {
        String room = "{\"roomNumber\":\"201\",\"type\":\"SUITE\",\"capacity\":3,\"nightlyRate\":250.00}";
        mvc.perform(post("/api/rooms").contentType(MediaType.APPLICATION_JSON).content(room))
           .andExpect(status().isUnauthorized())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(post("/api/rooms").with(httpBasic("staff", "not-the-password"))
                                      .contentType(MediaType.APPLICATION_JSON).content(room))
           .andExpect(status().isUnauthorized());
        verify(commands, never()).send(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"roomNumber\":\"201\",\"type\":\"PENTHOUSE\",\"capacity\":3,\"nightlyRate\":250}",
            "{\"roomNumber\":\"201\",\"type\":\"SUITE\",\"capacity\":0,\"nightlyRate\":250}",
            "{\"roomNumber\":\"201\",\"type\":\"SUITE\",\"capacity\":2.5,\"nightlyRate\":250}",
            "{\"roomNumber\":\"201\",\"type\":\"SUITE\",\"capacity\":3,\"nightlyRate\":-1}",
            "{\"roomNumber\":\"201\",\"type\":\"SUITE\",\"capacity\":3,\"nightlyRate\":1.234}",
            "{\"roomNumber\":\"\",\"type\":\"SUITE\",\"capacity\":3,\"nightlyRate\":250}",
            "{\"roomNumber\":\"201\",\"type\":\"SUITE\",\"capacity\":3}",
            "[]"})
    void anInvalidRoomIsA400(String body) throws Exception {
        mvc.perform(post("/api/rooms").with(STAFF).contentType(MediaType.APPLICATION_JSON).content(body))
           .andExpect(status().isBadRequest())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        verify(commands, never()).send(any());
    }
}
