package hotel.booking.command.guest;

import hotel.booking.api.GuestErased;
import hotel.booking.platform.json.JsonConfiguration;
import hotel.booking.platform.privacy.GuestIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = GuestController.class, properties = {
        "hotel.security.staff-password=staff-secret", "hotel.security.auditor-password=auditor-secret"})
@Import({GuestControllerTest.Secret.class, JsonConfiguration.class})
class GuestControllerTest {

    @TestConfiguration
    static class Secret {
        @Bean
        GuestIds guestIds() {
            byte[] secret = new byte[32];
            Arrays.fill(secret, (byte) 3);
            return new GuestIds(() -> secret);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    GuestIds ids;
    @MockitoBean
    GuestErasure erasure;

    @Test
    void staffEraseAGuestByAddressWhateverItsCase() throws Exception {
        String guestId = ids.of("ada@example.com");
        when(erasure.erase(guestId, "staff")).thenReturn(Optional.of(new GuestErased(guestId, "staff", Instant.now())));

        mvc.perform(delete("/api/guests").param("email", " Ada@Example.com").with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isNoContent());
        mvc.perform(delete("/api/guests/" + guestId).with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isNoContent());
    }

    @Test
    void aGuestWithNothingKeptIs404() throws Exception {
        when(erasure.erase(anyString(), anyString())).thenReturn(Optional.empty());

        mvc.perform(delete("/api/guests/" + ids.of("nobody@example.com")).with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isNotFound())
           .andExpect(content().contentType("application/problem+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/guests", "/api/guests?email=", "/api/guests?email=not-an-address",
            "/api/guests?email=a@b", "/api/guests/short", "/api/guests/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa~"})
    void whatIsNeitherAGuestIdNorAnAddressIs400(String path) throws Exception {
        mvc.perform(delete(path).with(httpBasic("staff", "staff-secret")))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType("application/problem+json"));
        verify(erasure, never()).erase(any(), any());
    }

    @Test
    void onlyStaffErase() throws Exception {
        mvc.perform(delete("/api/guests").param("email", "ada@example.com"))
           .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/guests").param("email", "ada@example.com").with(httpBasic("auditor", "auditor-secret")))
           .andExpect(status().isForbidden());
        verify(erasure, never()).erase(any(), any());
    }
}
