package hotel.booking.query.report;

import hotel.booking.api.Stay;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyRevenueTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2031-01-01");

    @Test
    void eachNightHasAnEqualShareOfTheStaysPrice() {
        assertThat(NightlyRevenue.of(new Stay(JAN_1, JAN_1.plusDays(3)), new BigDecimal("360.00")))
                .containsExactly(new NightlyRevenue(JAN_1, new BigDecimal("120.00")),
                        new NightlyRevenue(JAN_1.plusDays(1), new BigDecimal("120.00")),
                        new NightlyRevenue(JAN_1.plusDays(2), new BigDecimal("120.00")));
    }

    @Test
    void theLastNightTakesTheCentsLeftSoTheNightsAddUpToThePrice() {
        assertThat(NightlyRevenue.of(new Stay(JAN_1, JAN_1.plusDays(3)), new BigDecimal("100.00")))
                .extracting(NightlyRevenue::revenue)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
    }

    @Test
    void aSingleNightIsTheWholePrice() {
        assertThat(NightlyRevenue.of(new Stay(JAN_1, JAN_1.plusDays(1)), new BigDecimal("79.99")))
                .containsExactly(new NightlyRevenue(JAN_1, new BigDecimal("79.99")));
    }
}
