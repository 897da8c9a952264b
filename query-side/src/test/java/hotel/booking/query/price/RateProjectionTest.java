package hotel.booking.query.price;

import hotel.booking.api.RateOverride;
import hotel.booking.api.RoomRateSet;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.Tariff;
import hotel.booking.query.room.RoomProjection;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rates as the quote reads them, on PostgreSQL: the same Tariff the Room keeps. */
class RateProjectionTest {

    private static final LocalDate FRIDAY = LocalDate.parse("2031-01-03");

    private RateProjection rates;
    private RoomProjection rooms;

    @BeforeEach
    void database() {
        JdbcClient jdbc = JdbcClient.create(TestPostgres.migratedDataSource());
        rates = new RateProjection(jdbc);
        rooms = new RoomProjection(jdbc);
    }

    private void register(String room, String rate) throws Exception {
        var on = RoomProjection.class.getDeclaredMethod("on", RoomRegistered.class);
        on.setAccessible(true);
        on.invoke(rooms, new RoomRegistered(room, RoomType.DOUBLE, 2, new BigDecimal(rate)));
    }

    @Test
    void theTariffIsTheNightlyRateAndTheRatesInTheOrderSet() throws Exception {
        register("101", "100.00");
        RateOverride weekends = new RateOverride(FRIDAY, FRIDAY.plusDays(60), new BigDecimal("150.00"),
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        RateOverride sale = new RateOverride(FRIDAY, FRIDAY.plusDays(2), new BigDecimal("80.00"), null);
        rates.on(new RoomRateSet("101", weekends));
        rates.on(new RoomRateSet("101", sale));

        Tariff tariff = rates.handle(new FindTariff("101")).orElseThrow();

        assertThat(tariff.nightlyRate()).isEqualByComparingTo("100.00");
        assertThat(tariff.overrides()).containsExactly(weekends, sale);
        assertThat(tariff.price(new Stay(FRIDAY, FRIDAY.plusDays(4))).total()).isEqualByComparingTo("410.00");
    }

    @Test
    void aRoomNotRegisteredHasNoTariffAndRatesAreKeptPerRoom() throws Exception {
        register("101", "100.00");
        register("102", "200.00");
        rates.on(new RoomRateSet("102", new RateOverride(FRIDAY, FRIDAY.plusDays(1), BigDecimal.ONE, null)));

        assertThat(rates.handle(new FindTariff("999"))).isEmpty();
        assertThat(rates.handle(new FindTariff("101")).orElseThrow().overrides()).isEmpty();
        assertThat(rates.handle(new FindTariff("102")).orElseThrow().overrides()).hasSize(1);
    }
}
