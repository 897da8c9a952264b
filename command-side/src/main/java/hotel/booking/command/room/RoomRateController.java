package hotel.booking.command.room;

import hotel.booking.api.RateOverride;
import hotel.booking.api.SetRoomRate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Staff set a room's nightly rate for some dates: a season, weekends, a holiday. */
@RestController
@RequestMapping("/api/rooms/{roomNumber}/rates")
class RoomRateController {

    private final RoomCommands commands;

    RoomRateController(RoomCommands commands) {
        this.commands = commands;
    }

    @PutMapping
    RateRequest set(@PathVariable @Pattern(regexp = RoomNumbers.PATTERN, message = RoomNumbers.MESSAGE)
                    String roomNumber,
                    @Valid @RequestBody RateRequest rate) {
        commands.send(new SetRoomRate(roomNumber,
                new RateOverride(rate.from(), rate.to(), rate.nightlyRate(), rate.daysOfWeek())));
        return rate;
    }

    /** @param to the first night not covered (the nights run from {@code from} up to, not including, {@code to}) */
    record RateRequest(@NotNull LocalDate from,
                       @NotNull LocalDate to,
                       @NotNull @DecimalMin(value = "0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
                       BigDecimal nightlyRate,
                       Set<DayOfWeek> daysOfWeek) {
    }
}
