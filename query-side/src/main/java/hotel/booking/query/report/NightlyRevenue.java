package hotel.booking.query.report;

import hotel.booking.api.NightPrice;
import hotel.booking.api.Stay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A stay's price shared among its nights: equal shares in cents, the last night taking what the
 * rounding leaves, so that the nights always add up to the price agreed.
 */
record NightlyRevenue(LocalDate night, BigDecimal revenue) {

    /** Each night at the price agreed for it, or, for bookings recorded without one, an equal share. */
    static List<NightlyRevenue> of(Stay stay, BigDecimal totalPrice, List<NightPrice> nightlyPrices) {
        if (nightlyPrices == null || nightlyPrices.isEmpty()) {
            return of(stay, totalPrice);
        }
        return nightlyPrices.stream().map(night -> new NightlyRevenue(night.night(), night.price())).toList();
    }

    static List<NightlyRevenue> of(Stay stay, BigDecimal totalPrice) {
        List<LocalDate> nights = stay.dates().toList();
        BigDecimal share = totalPrice.divide(BigDecimal.valueOf(nights.size()), 2, RoundingMode.DOWN);
        BigDecimal last = totalPrice.subtract(share.multiply(BigDecimal.valueOf(nights.size() - 1L)));
        List<NightlyRevenue> revenue = new ArrayList<>(nights.size());
        for (int i = 0; i < nights.size(); i++) {
            revenue.add(new NightlyRevenue(nights.get(i), i == nights.size() - 1 ? last : share));
        }
        return revenue;
    }
}
