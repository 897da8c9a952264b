package hotel.booking.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A room's prices: its nightly rate, and the overrides staff set for dates (weekends, seasons), the
 * latest set winning for a night that several cover. The Room prices a booking with it and the quote
 * does the same from the same events, so a quote and the price recorded agree.
 */
public record Tariff(BigDecimal nightlyRate, List<RateOverride> overrides) {

    public Tariff {
        overrides = List.copyOf(overrides);
    }

    public BigDecimal rateOn(java.time.LocalDate night) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(night)) {
                return overrides.get(i).nightlyRate();
            }
        }
        return nightlyRate;
    }

    public StayPrice price(Stay stay) {
        List<NightPrice> nights = stay.dates().map(night -> new NightPrice(night, rateOn(night))).toList();
        BigDecimal total = nights.stream().map(NightPrice::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new StayPrice(total, StayPrice.HOTEL_CURRENCY, nights);
    }

    /** This tariff with {@code override} on top; overrides it wholly hides are dropped, prices unchanged. */
    public Tariff with(RateOverride override) {
        List<RateOverride> kept = new ArrayList<>(overrides.size() + 1);
        overrides.stream().filter(old -> !old.shadowedBy(override)).forEach(kept::add);
        kept.add(override);
        return new Tariff(nightlyRate, kept);
    }

    /** This tariff without the overrides that end before {@code day}: they price no night from then on. */
    public Tariff withoutOverridesEndingBefore(java.time.LocalDate day) {
        return new Tariff(nightlyRate, overrides.stream().filter(o -> !o.to().isBefore(day)).toList());
    }
}
