package hotel.booking.query.price;

import hotel.booking.api.RateOverride;
import hotel.booking.api.Tariff;
import hotel.booking.platform.json.JsonConfiguration;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = PriceController.class, properties = "hotel.security.staff-password=staff-secret")
@Import(JsonConfiguration.class)
class PriceControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;

    private void tariffOf101() {
        Tariff tariff = new Tariff(new BigDecimal("100.00"), List.of(new RateOverride(LocalDate.parse("2031-01-02"),
                LocalDate.parse("2031-01-03"), new BigDecimal("150.00"), null)));
        when(queries.query(eq(new FindTariff("101")), any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(tariff)));
        when(queries.query(eq(new FindTariff("999")), any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
    }

    @Test
    void anyoneGetsTheTotalAndThePriceOfEachNight() throws Exception {
        tariffOf101();

        mvc.perform(get("/api/quote?room=101&checkIn=2031-01-01&checkOut=2031-01-04"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.nights").value(3))
           .andExpect(jsonPath("$.totalPrice").value(350.00))
           .andExpect(jsonPath("$.currency").value("EUR"))
           .andExpect(jsonPath("$.nightlyPrices[1].night").value("2031-01-02"))
           .andExpect(jsonPath("$.nightlyPrices[1].price").value(150.00));
        mvc.perform(get("/api/rooms/101/rates"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.nightlyRate").value(100.00))
           .andExpect(jsonPath("$.overrides[0].nightlyRate").value(150.00));
    }

    @Test
    void aQuoteForNoRoomOrNoStayIsAProblem() throws Exception {
        tariffOf101();

        mvc.perform(get("/api/quote?room=999&checkIn=2031-01-01&checkOut=2031-01-04"))
           .andExpect(status().isNotFound())
           .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        for (String query : new String[]{"room=101&checkIn=2031-01-04&checkOut=2031-01-04",
                "room=101&checkIn=2031-01-01&checkOut=2031-03-01", "room=101&checkIn=tomorrow&checkOut=2031-01-04",
                "room=1/2&checkIn=2031-01-01&checkOut=2031-01-04", "checkIn=2031-01-01&checkOut=2031-01-04"}) {
            mvc.perform(get("/api/quote?" + query))
               .andExpect(status().isBadRequest())
               .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
    }
}
