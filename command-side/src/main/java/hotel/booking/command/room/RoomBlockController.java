package hotel.booking.command.room;

import hotel.booking.api.BlockNights;
import hotel.booking.api.LiftBlock;
import hotel.booking.api.Stay;
import hotel.booking.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Staff take nights of a room out of service, and put them back; reservations in the way are reported, never moved. */
@RestController
@RequestMapping("/api/rooms/{roomNumber}/blocks")
class RoomBlockController {

    private final RoomCommands commands;

    RoomBlockController(RoomCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<?> block(@PathVariable @Pattern(regexp = RoomNumbers.PATTERN, message = RoomNumbers.MESSAGE)
                            String roomNumber,
                            @Valid @RequestBody BlockRequest request) {
        UUID blockId = request.blockId() != null ? request.blockId() : UUID.randomUUID();
        Stay nights = new Stay(request.from(), request.to());
        List<NightsInTheWay> inTheWay = commands.send(new BlockNights(roomNumber, blockId, nights,
                request.reason().strip()));
        if (!inTheWay.isEmpty()) {
            ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Room " + roomNumber + " has "
                    + inTheWay.size() + " reservation(s) on nights of " + nights
                    + "; cancel or move them first, nothing was blocked");
            problem.setProperty("rejection", "NIGHTS_BOOKED");
            problem.setProperty("conflicts", inTheWay);
            return Problems.response(problem);
        }
        return ResponseEntity.created(URI.create("/api/rooms/" + roomNumber + "/blocks/" + blockId))
                             .body(new Block(blockId, roomNumber, nights.checkIn(), nights.checkOut(),
                                     request.reason().strip()));
    }

    @DeleteMapping("/{blockId}")
    ResponseEntity<Void> lift(@PathVariable String roomNumber, @PathVariable UUID blockId) {
        commands.send(new LiftBlock(roomNumber, blockId));
        return ResponseEntity.noContent().build();
    }

    record BlockRequest(UUID blockId,
                        @NotNull LocalDate from,
                        @NotNull LocalDate to,
                        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "^(?=.*\\S)[^\\p{Cc}\\p{Cf}]+$",
                                message = "must be printable text") String reason) {
    }

    record Block(UUID blockId, String roomNumber, LocalDate from, LocalDate to, String reason) {
    }
}
