package hotel.booking.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(properties = "hotel.http.max-request-body=64B")
@Import(RequestBodyLimitTest.Echo.class)
class RequestBodyLimitTest {

    @RestController
    static class Echo {
        @PostMapping("/api/reservations")
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return body;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aBodyWithinTheLimitIsRead() throws Exception {
        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON).content("{\"a\":\"b\"}"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.a").value("b"));
    }

    @Test
    void aLargerBodyIsA413ProblemBeforeAnythingReadsIt() throws Exception {
        mvc.perform(post("/api/reservations").contentType(MediaType.APPLICATION_JSON)
                                              .content("{\"a\":\"" + "x".repeat(64) + "\"}"))
           .andExpect(status().isPayloadTooLarge())
           .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
           .andExpect(jsonPath("$.detail").value("The request body may have at most 64 bytes"));
    }
}
