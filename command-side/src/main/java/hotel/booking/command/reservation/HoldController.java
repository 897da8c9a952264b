package hotel.booking.command.reservation;

import hotel.booking.api.ConfirmHold;
import hotel.booking.api.Guest;
import hotel.booking.api.HoldRoom;
import hotel.booking.api.Stay;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RoomCommands;
import hotel.booking.command.room.RoomRuleViolation;
import hotel.booking.platform.security.HotelRole;
import hotel.booking.platform.token.ReservationTokens;
import hotel.booking.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A guest holds nights while paying ({@code hotel.holds.duration}), then confirms the hold, which
 * makes it a reservation. A hold is a reservation in status HELD: its id and token work with
 * {@code GET} and {@code DELETE /api/reservations/{id}}; left alone, its nights are given back.
 */
@RestController
@RequestMapping("/api/holds")
class HoldController {

    private final RoomCommands commands;
    private final ReservationRegistry registry;
    private final ReservationTokens tokens;
    private final BookingWindow window;
    private final Clock clock;
    private final Duration duration;

    HoldController(RoomCommands commands, ReservationRegistry registry, ReservationTokens tokens, BookingWindow window,
                   Clock clock, @Value("${hotel.holds.duration:10m}") Duration duration) {
        this.commands = commands;
        this.registry = registry;
        this.tokens = tokens;
        this.window = window;
        this.clock = clock;
        this.duration = duration;
    }

    @PostMapping
    ResponseEntity<?> hold(@Valid @RequestBody ReservationController.BookingRequest request) {
        Stay stay = new Stay(request.checkIn(), request.checkOut());
        String outsideWindow = window.problemWith(stay);
        if (outsideWindow != null) {
            return Problems.response(HttpStatus.BAD_REQUEST, outsideWindow);
        }
        UUID holdId = request.reservationId() != null ? request.reservationId() : UUID.randomUUID();
        registry.find(holdId)
                .filter(entry -> !entry.roomNumber().equals(request.roomNumber()))
                .ifPresent(entry -> {
                    throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                            "Reservation " + holdId + " is already used for another room");
                });
        Instant expiresAt = clock.instant().plus(duration);
        BigDecimal price = commands.send(new HoldRoom(request.roomNumber(), holdId, stay,
                new Guest(request.guestName().strip(), request.guestEmail().strip()), expiresAt));
        return ResponseEntity.created(URI.create("/api/reservations/" + holdId))
                             .body(new HoldConfirmation(holdId, request.roomNumber(), stay.checkIn(), stay.checkOut(),
                                     stay.nights(), price, "HELD", expiresAt, tokens.tokenFor(holdId)));
    }

    /** The hold's guest, with its token, or staff. */
    @PostMapping("/{holdId}/confirm")
    ResponseEntity<?> confirm(@PathVariable UUID holdId,
                              @RequestHeader(name = ReservationController.TOKEN_HEADER, required = false) String token,
                              Authentication caller) {
        ReservationRegistry.Entry entry = registry.find(holdId).orElse(null);
        if (entry == null) {
            return Problems.response(HttpStatus.NOT_FOUND, "There is no hold " + holdId);
        }
        if (!HotelRole.STAFF.heldBy(caller) && !tokens.matches(holdId, token)) {
            return Problems.response(HttpStatus.FORBIDDEN,
                    "Send the hold's token in the " + ReservationController.TOKEN_HEADER + " header");
        }
        BigDecimal price = commands.send(new ConfirmHold(entry.roomNumber(), holdId, clock.instant()));
        return ResponseEntity.ok(new Confirmed(holdId, entry.roomNumber(), price, "CONFIRMED"));
    }

    record HoldConfirmation(UUID reservationId, String roomNumber, LocalDate checkIn, LocalDate checkOut, long nights,
                            BigDecimal totalPrice, String status, Instant expiresAt, String cancellationToken) {
    }

    record Confirmed(UUID reservationId, String roomNumber, BigDecimal totalPrice, String status) {
    }
}
