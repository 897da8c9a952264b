package hotel.booking.query.price;

import hotel.booking.api.NightPrice;
import hotel.booking.api.RateOverride;
import hotel.booking.api.Stay;
import hotel.booking.api.StayPrice;
import hotel.booking.api.Tariff;
import hotel.booking.platform.web.Problems;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a stay would cost, and a room's rates: for anyone. */
@RestController
class PriceController {

    /** The Room's longest stay: a longer one has no price because it cannot be booked. */
    static final int MAX_NIGHTS = 30;
    private static final String ROOM_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{0,15}";
    private static final String ROOM_NUMBER_MESSAGE = "must be 1 to 16 letters, digits or dashes";

    private final QueryGateway queries;

    PriceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/quote")
    ResponseEntity<?> quote(@RequestParam @Pattern(regexp = ROOM_NUMBER, message = ROOM_NUMBER_MESSAGE) String room,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut) {
        if (!checkIn.isBefore(checkOut)) {
            return Problems.response(HttpStatus.BAD_REQUEST,
                    "Check-out (" + checkOut + ") must be after check-in (" + checkIn + ")");
        }
        Stay stay = new Stay(checkIn, checkOut);
        if (stay.nights() > MAX_NIGHTS) {
            return Problems.response(HttpStatus.BAD_REQUEST,
                    "A stay can be at most " + MAX_NIGHTS + " nights; " + stay + " is " + stay.nights());
        }
        return tariff(room).<ResponseEntity<?>>map(tariff -> {
            StayPrice price = tariff.price(stay);
            return ResponseEntity.ok(new Quote(room, checkIn, checkOut, stay.nights(), price.total(),
                    price.currency(), price.nights()));
        }).orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "There is no room " + room));
    }

    @GetMapping("/api/rooms/{roomNumber}/rates")
    ResponseEntity<?> rates(@PathVariable @Pattern(regexp = ROOM_NUMBER, message = ROOM_NUMBER_MESSAGE)
                            String roomNumber) {
        return tariff(roomNumber).<ResponseEntity<?>>map(tariff -> ResponseEntity.ok(
                        new Rates(roomNumber, tariff.nightlyRate(), StayPrice.HOTEL_CURRENCY, tariff.overrides())))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, "There is no room " + roomNumber));
    }

    private Optional<Tariff> tariff(String roomNumber) {
        return queries.query(new FindTariff(roomNumber), ResponseTypes.optionalInstanceOf(Tariff.class)).join();
    }

    record Quote(String roomNumber, LocalDate checkIn, LocalDate checkOut, long nights, BigDecimal totalPrice,
                 String currency, List<NightPrice> nightlyPrices) {
    }

    /** @param overrides in the order set: the last one covering a night gives its rate */
    record Rates(String roomNumber, BigDecimal nightlyRate, String currency, List<RateOverride> overrides) {
    }
}
