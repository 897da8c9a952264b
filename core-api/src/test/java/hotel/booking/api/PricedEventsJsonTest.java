package hotel.booking.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Events already stored keep reading after prices by night were added; new ones round-trip. */
class PricedEventsJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aBookingRecordedBeforePricesByNightStillReads() throws Exception {
        String stored = """
                {"roomNumber":"101","reservationId":"0b7c3b6e-4f1a-5d2c-9a37-6f0e8c1d2a45",
                 "stay":{"checkIn":"2031-01-01","checkOut":"2031-01-04"},"totalPrice":300.00,
                 "guest":{"name":"Ada","email":"ada@example.com"}}""";

        RoomReserved event = json.readValue(stored, RoomReserved.class);

        assertThat(event.totalPrice()).isEqualByComparingTo("300.00");
        assertThat(event.nightlyPrices()).isNull();
        assertThat(event.currency()).isNull();
        assertThat(event.guest().name()).isEqualTo("Ada");
    }

    @Test
    void aBookingWithItsPriceByNightRoundTrips() throws Exception {
        Stay stay = new Stay(LocalDate.parse("2031-01-03"), LocalDate.parse("2031-01-05"));
        RoomReserved event = new RoomReserved("101", UUID.randomUUID(), stay,
                new Tariff(new BigDecimal("100.00"), java.util.List.of()).price(stay), new Guest("Ada", "a@b.cd"));

        assertThat(json.readValue(json.writeValueAsString(event), RoomReserved.class)).isEqualTo(event);
    }

    @Test
    void theNewEventsRoundTrip() throws Exception {
        Stay stay = new Stay(LocalDate.parse("2031-01-03"), LocalDate.parse("2031-01-05"));
        StayPrice price = new Tariff(new BigDecimal("100.00"), java.util.List.of()).price(stay);
        RoomRateSet rate = new RoomRateSet("101", new RateOverride(stay.checkIn(), stay.checkOut(), BigDecimal.TEN,
                java.util.Set.of(java.time.DayOfWeek.MONDAY)));
        StayChanged changed = new StayChanged("101", UUID.randomUUID(), stay, stay, price);
        StayMovedIn movedIn = new StayMovedIn("102", UUID.randomUUID(), stay, price, "101", UUID.randomUUID(),
                new Guest("Ada", "ada@example.com"));

        assertThat(json.readValue(json.writeValueAsString(rate), RoomRateSet.class)).isEqualTo(rate);
        assertThat(json.readValue(json.writeValueAsString(changed), StayChanged.class)).isEqualTo(changed);
        assertThat(json.readValue(json.writeValueAsString(movedIn), StayMovedIn.class)).isEqualTo(movedIn);
    }
}
