package hotel.booking.command.room;

import hotel.booking.api.RegisterRoom;
import hotel.booking.api.RoomType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;

@RestController
@RequestMapping("/api/rooms")
class RoomController {

    private final RoomCommands commands;

    RoomController(RoomCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<RoomRegistration> register(@Valid @RequestBody RoomRegistration room) {
        commands.send(new RegisterRoom(room.roomNumber(), room.type(), room.capacity(), room.nightlyRate()));
        return ResponseEntity.created(URI.create("/api/rooms/" + room.roomNumber())).body(room);
    }

    record RoomRegistration(
            @NotNull @Pattern(regexp = RoomNumbers.PATTERN, message = RoomNumbers.MESSAGE) String roomNumber,
            @NotNull RoomType type,
            @NotNull @Min(1) @Max(RoomPolicy.MAX_CAPACITY) Integer capacity,
            @NotNull @DecimalMin(value = "0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
            BigDecimal nightlyRate) {
    }
}
