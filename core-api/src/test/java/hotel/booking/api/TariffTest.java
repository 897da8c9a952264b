package hotel.booking.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TariffTest {

    private static final BigDecimal BASE = new BigDecimal("100.00");
    private static final LocalDate FRIDAY = LocalDate.parse("2031-01-03");

    @Test
    void withoutOverridesEveryNightCostsTheNightlyRate() {
        StayPrice price = new Tariff(BASE, List.of()).price(new Stay(FRIDAY, FRIDAY.plusDays(3)));

        assertThat(price.total()).isEqualByComparingTo("300.00");
        assertThat(price.currency()).isEqualTo("EUR");
        assertThat(price.nights()).extracting(NightPrice::night)
                                  .containsExactly(FRIDAY, FRIDAY.plusDays(1), FRIDAY.plusDays(2));
    }

    @Test
    void anOverrideForSomeDaysOfTheWeekPricesOnlyThoseNightsOfItsDates() {
        RateOverride weekends = new RateOverride(FRIDAY, FRIDAY.plusDays(7), new BigDecimal("150.00"),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        Tariff tariff = new Tariff(BASE, List.of(weekends));

        assertThat(tariff.rateOn(FRIDAY)).isEqualByComparingTo("100.00");
        assertThat(tariff.rateOn(FRIDAY.plusDays(1))).isEqualByComparingTo("150.00");
        assertThat(tariff.rateOn(FRIDAY.plusDays(2))).isEqualByComparingTo("150.00");
        assertThat(tariff.rateOn(FRIDAY.plusDays(8))).as("after its dates").isEqualByComparingTo("100.00");
        assertThat(tariff.price(new Stay(FRIDAY, FRIDAY.plusDays(4))).total()).isEqualByComparingTo("500.00");
    }

    @Test
    void toIsTheFirstNightNotCovered() {
        Tariff tariff = new Tariff(BASE, List.of(new RateOverride(FRIDAY, FRIDAY.plusDays(1), BigDecimal.ONE, null)));

        assertThat(tariff.rateOn(FRIDAY)).isEqualByComparingTo("1");
        assertThat(tariff.rateOn(FRIDAY.plusDays(1))).isEqualByComparingTo("100.00");
        assertThat(tariff.rateOn(FRIDAY.minusDays(1))).isEqualByComparingTo("100.00");
    }

    @Test
    void theLatestOverrideWinsAndDroppingTheOnesItHidesChangesNoPrice() {
        RateOverride season = new RateOverride(FRIDAY, FRIDAY.plusDays(30), new BigDecimal("120.00"), null);
        RateOverride weekends = new RateOverride(FRIDAY, FRIDAY.plusDays(30), new BigDecimal("160.00"),
                Set.of(DayOfWeek.SATURDAY));
        RateOverride sale = new RateOverride(FRIDAY.minusDays(1), FRIDAY.plusDays(31), new BigDecimal("90.00"), null);
        Stay month = new Stay(FRIDAY.minusDays(2), FRIDAY.plusDays(28));

        Tariff all = new Tariff(BASE, List.of(season, weekends, sale));
        Tariff folded = new Tariff(BASE, List.of()).with(season).with(weekends).with(sale);

        assertThat(folded.overrides()).containsExactly(sale);
        assertThat(folded.price(month)).isEqualTo(all.price(month));
        assertThat(all.rateOn(FRIDAY.plusDays(1))).isEqualByComparingTo("90.00");
        assertThat(new Tariff(BASE, List.of(season, weekends)).rateOn(FRIDAY.plusDays(1)))
                .isEqualByComparingTo("160.00");
    }

    @Test
    void anOverrideOnSomeDaysDoesNotHideOneOnEveryDay() {
        RateOverride season = new RateOverride(FRIDAY, FRIDAY.plusDays(30), new BigDecimal("120.00"), null);
        RateOverride weekends = new RateOverride(FRIDAY, FRIDAY.plusDays(30), new BigDecimal("160.00"),
                Set.of(DayOfWeek.SATURDAY));

        assertThat(new Tariff(BASE, List.of()).with(season).with(weekends).overrides())
                .containsExactly(season, weekends);
    }
}
