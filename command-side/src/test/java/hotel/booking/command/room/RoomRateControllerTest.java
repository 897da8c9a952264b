package hotel.booking.command.room;

import hotel.booking.api.RateOverride;
import hotel.booking.api.SetRoomRate;
import hotel.booking.platform.json.JsonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = RoomRateController.class, properties = {"hotel.security.staff-password=staff-secret",
        "hotel.security.analyst-password=analyst-secret"})
@Import(JsonConfiguration.class)
class RoomRateControllerTest {

    private static final String WEEKENDS = """
            {"from":"2031-01-01","to":"2031-04-01","nightlyRate":140.00,"daysOfWeek":["SATURDAY","SUNDAY"]}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RoomCommands commands;

    @Test
    void staffSetARateForDates() throws Exception {
        mvc.perform(put("/api/rooms/101/rates").contentType(MediaType.APPLICATION_JSON).content(WEEKENDS)
                                                 .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isOk());

        verify(commands).send(new SetRoomRate("101", new RateOverride(LocalDate.parse("2031-01-01"),
                LocalDate.parse("2031-04-01"), new BigDecimal("140.00"), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))));
    }

    @Test
    void onlyStaffSetRates() throws Exception {
        mvc.perform(put("/api/rooms/101/rates").contentType(MediaType.APPLICATION_JSON).content(WEEKENDS))
           .andExpect(status().isUnauthorized());
        mvc.perform(put("/api/rooms/101/rates").contentType(MediaType.APPLICATION_JSON).content(WEEKENDS)
                                                 .with(httpBasic("analyst", "analyst-secret")))
           .andExpect(status().isForbidden());
        verify(commands, never()).send(any());
    }

    @Test
    void aBadRateIsA400Problem() throws Exception {
        for (String body : new String[]{
                "{\"from\":\"2031-01-01\",\"to\":\"2031-04-01\",\"nightlyRate\":0}",
                "{\"from\":\"2031-01-01\",\"to\":\"2031-04-01\",\"nightlyRate\":1.001}",
                "{\"from\":\"2031-01-01\",\"nightlyRate\":100}",
                "{\"from\":\"2031-01-01\",\"to\":\"2031-04-01\",\"nightlyRate\":100,\"daysOfWeek\":[\"FUNDAY\"]}",
                "{\"from\":\"2031-01-01\",\"to\":\"2031-04-01\",\"nightlyRate\":100,\"currency\":\"USD\"}"}) {
            mvc.perform(put("/api/rooms/101/rates").contentType(MediaType.APPLICATION_JSON).content(body)
                                                     .with(httpBasic("staff", "staff-secret")))
               .andExpect(status().isBadRequest())
               .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
        mvc.perform(put("/api/rooms/1%2F2/rates").contentType(MediaType.APPLICATION_JSON).content(WEEKENDS)
                                                   .with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isBadRequest());
        verify(commands, never()).send(any());
    }
}
