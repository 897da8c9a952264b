package hotel.booking.command.reservation;

import hotel.booking.api.ChangeStay;
import hotel.booking.api.RequestMove;
import hotel.booking.api.StayPrice;
import hotel.booking.api.Stay;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RoomCommands;
import hotel.booking.command.room.RoomNumbers;
import hotel.booking.platform.security.HotelRole;
import hotel.booking.platform.token.ReservationTokens;
import hotel.booking.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A reservation's guest (with its token) or staff change its dates or move it to another room. */
@RestController
@RequestMapping("/api/reservations/{reservationId}")
class ReservationChangeController {

    private final RoomCommands commands;
    private final ReservationRegistry registry;
    private final ReservationMoves moves;
    private final ReservationTokens tokens;
    private final BookingWindow window;
    private final Duration timeout;

    ReservationChangeController(RoomCommands commands, ReservationRegistry registry, ReservationMoves moves,
                                ReservationTokens tokens, BookingWindow window,
                                @Value("${hotel.command.timeout:10s}") Duration timeout) {
        this.commands = commands;
        this.registry = registry;
        this.moves = moves;
        this.tokens = tokens;
        this.window = window;
        this.timeout = timeout;
    }

    /** New dates, same room: one decision of the room, so the guest never holds neither stay. */
    @PatchMapping
    ResponseEntity<?> changeDates(@PathVariable UUID reservationId, @Valid @RequestBody NewDates dates,
                                  @RequestHeader(name = ReservationController.TOKEN_HEADER, required = false)
                                  String token, Authentication caller) {
        Stay stay = new Stay(dates.checkIn(), dates.checkOut());
        String outsideWindow = window.problemWith(stay);
        if (outsideWindow != null) {
            return Problems.response(HttpStatus.BAD_REQUEST, outsideWindow);
        }
        return withReservation(reservationId, token, caller, entry -> {
            BigDecimal price = commands.send(new ChangeStay(entry.roomNumber(), reservationId, stay));
            return ResponseEntity.ok(new ReservationNow(reservationId, entry.roomNumber(), stay.checkIn(),
                    stay.checkOut(), stay.nights(), price, StayPrice.HOTEL_CURRENCY, "CONFIRMED"));
        });
    }

    /**
     * The same nights in another room. The move is a saga: this answers with its outcome, or 202 when
     * it takes longer than the command timeout (the reservation then shows where it ended up).
     */
    @PostMapping("/move")
    ResponseEntity<?> move(@PathVariable UUID reservationId, @Valid @RequestBody MoveTo target,
                           @RequestHeader(name = ReservationController.TOKEN_HEADER, required = false) String token,
                           Authentication caller) {
        String room = target.targetRoom();
        if (room == null) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Send the room to move to as roomNumber");
        }
        return withReservation(reservationId, token, caller, entry -> {
            UUID moveId = UUID.randomUUID();
            commands.send(new RequestMove(entry.roomNumber(), reservationId, room, moveId));
            return outcome(awaitOutcome(moveId), reservationId);
        });
    }

    private ResponseEntity<?> withReservation(UUID reservationId, String token, Authentication caller,
                                              java.util.function.Function<ReservationRegistry.Entry,
                                                      ResponseEntity<?>> change) {
        ReservationRegistry.Entry entry = registry.find(reservationId).orElse(null);
        if (entry == null) {
            return Problems.response(HttpStatus.NOT_FOUND, "There is no reservation " + reservationId);
        }
        if (!HotelRole.STAFF.heldBy(caller) && !tokens.matches(reservationId, token)) {
            return Problems.response(HttpStatus.FORBIDDEN, "Send the reservation's cancellation token in the "
                    + ReservationController.TOKEN_HEADER + " header");
        }
        if (entry.released()) {
            return Problems.response(HttpStatus.CONFLICT, "Reservation " + reservationId + " was released");
        }
        return change.apply(entry);
    }

    private Optional<ReservationMoves.Move> awaitOutcome(UUID moveId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        while (true) {
            Optional<ReservationMoves.Move> move = moves.find(moveId);
            if (move.isPresent() && move.get().status() != ReservationMoves.Status.PENDING
                    || System.nanoTime() > deadline) {
                return move;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return move;
            }
            pause = Math.min(100, pause * 2);
        }
    }

    private static ResponseEntity<?> outcome(Optional<ReservationMoves.Move> found, UUID reservationId) {
        if (found.isEmpty() || found.get().status() == ReservationMoves.Status.PENDING) {
            return ResponseEntity.accepted().location(URI.create("/api/reservations/" + reservationId)).build();
        }
        ReservationMoves.Move move = found.get();
        if (move.status() == ReservationMoves.Status.FAILED) {
            ProblemDetail problem = Problems.problem(statusOf(move.rejection()),
                    "The reservation stays in room " + move.fromRoom() + ": " + move.detail());
            problem.setProperty("rejection", move.rejection());
            return Problems.response(problem);
        }
        Stay stay = new Stay(move.checkIn(), move.checkOut());
        return ResponseEntity.ok(new ReservationNow(reservationId, move.toRoom(), stay.checkIn(), stay.checkOut(),
                stay.nights(), move.totalPrice(), move.currency(), "CONFIRMED"));
    }

    private static HttpStatus statusOf(String rejection) {
        try {
            return switch (Rejection.valueOf(rejection)) {
                case ROOM_NOT_FOUND -> HttpStatus.NOT_FOUND;
                case INVALID_STAY, STAY_TOO_LONG -> HttpStatus.BAD_REQUEST;
                default -> HttpStatus.CONFLICT;
            };
        } catch (IllegalArgumentException | NullPointerException notARefusal) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
    }

    record NewDates(@NotNull LocalDate checkIn, @NotNull LocalDate checkOut) {
    }

    /** The room to move to, as {@code roomNumber} (or {@code room}). */
    record MoveTo(@Pattern(regexp = RoomNumbers.PATTERN, message = RoomNumbers.MESSAGE) String roomNumber,
                  @Pattern(regexp = RoomNumbers.PATTERN, message = RoomNumbers.MESSAGE) String room) {

        String targetRoom() {
            if (roomNumber != null && room != null && !roomNumber.equals(room)) {
                return null;
            }
            return roomNumber != null ? roomNumber : room;
        }
    }

    record ReservationNow(UUID reservationId, String roomNumber, LocalDate checkIn, LocalDate checkOut, long nights,
                          BigDecimal totalPrice, String currency, String status) {
    }
}
