package hotel.booking.command.reservation;

import hotel.booking.api.Guest;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.api.ReserveRoom;
import hotel.booking.api.Stay;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RejectionDetails;
import hotel.booking.command.room.RoomCommands;
import hotel.booking.command.room.RoomNumbers;
import hotel.booking.command.room.RoomRuleViolation;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.security.HotelRole;
import hotel.booking.platform.token.ReservationTokens;
import hotel.booking.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/reservations")
class ReservationController {

    static final String TOKEN_HEADER = "X-Reservation-Token";

    private final RoomCommands commands;
    private final ReservationRegistry registry;
    private final ReservationTokens tokens;
    private final BookingWindow window;
    private final GuestIds guestIds;

    ReservationController(RoomCommands commands, ReservationRegistry registry, ReservationTokens tokens,
                          BookingWindow window, GuestIds guestIds) {
        this.commands = commands;
        this.registry = registry;
        this.tokens = tokens;
        this.window = window;
        this.guestIds = guestIds;
    }

    @PostMapping
    ResponseEntity<?> book(@Valid @RequestBody BookingRequest request,
                           @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        IdempotencyKey key = idempotencyKey == null ? null : IdempotencyKey.parse(idempotencyKey);
        Stay stay = new Stay(request.checkIn(), request.checkOut());
        String outsideWindow = window.problemWith(stay);
        if (outsideWindow != null) {
            return Problems.response(HttpStatus.BAD_REQUEST, outsideWindow);
        }
        UUID reservationId = key != null ? key.reservationIdFor(request.reservationId())
                : request.reservationId() != null ? request.reservationId() : UUID.randomUUID();
        BigDecimal price;
        try {
            price = reserve(reservationId, request, stay);
        } catch (RuntimeException refused) {
            if (key != null && reservationIdTaken(refused)) {
                return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "This " + IdempotencyKey.HEADER
                        + " was already used for a booking with other details; use a new key for a new booking");
            }
            throw refused;
        }
        return ResponseEntity.created(URI.create("/api/reservations/" + reservationId))
                             .body(new BookingConfirmation(reservationId, request.roomNumber(), stay.checkIn(),
                                     stay.checkOut(), stay.nights(), price, "CONFIRMED",
                                     tokens.tokenFor(reservationId)));
    }

    private BigDecimal reserve(UUID reservationId, BookingRequest request, Stay stay) {
        registry.find(reservationId)
                .filter(entry -> !entry.roomNumber().equals(request.roomNumber()))
                .ifPresent(entry -> {
                    throw new RoomRuleViolation(Rejection.RESERVATION_ID_CONFLICT,
                            "Reservation " + reservationId + " is already used for another room");
                });
        String email = request.guestEmail().strip();
        return commands.send(new ReserveRoom(request.roomNumber(), reservationId, stay,
                Guest.identified(guestIds.of(email), request.guestName().strip(), email)));
    }

    private static boolean reservationIdTaken(RuntimeException refused) {
        return RejectionDetails.of(refused)
                               .filter(details -> details.rejection() == Rejection.RESERVATION_ID_CONFLICT)
                               .isPresent();
    }

    /** The reservation's guest, with its token, or staff, who cancel for anyone. */
    @DeleteMapping("/{reservationId}")
    ResponseEntity<ProblemDetail> cancel(@PathVariable UUID reservationId,
                                         @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                         Authentication caller) {
        ReservationRegistry.Entry entry = registry.find(reservationId).orElse(null);
        if (entry == null) {
            return Problems.response(HttpStatus.NOT_FOUND, "There is no reservation " + reservationId);
        }
        ReleaseReason reason;
        if (HotelRole.STAFF.heldBy(caller)) {
            reason = ReleaseReason.CANCELLED_BY_STAFF;
        } else if (tokens.matches(reservationId, token)) {
            reason = ReleaseReason.CANCELLED_BY_GUEST;
        } else {
            return Problems.response(HttpStatus.FORBIDDEN,
                    "Send the reservation's cancellation token in the " + TOKEN_HEADER + " header");
        }
        commands.send(new ReleaseRoom(entry.roomNumber(), reservationId, reason));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IdempotencyKey.Unusable.class)
    ResponseEntity<ProblemDetail> unusableKey(IdempotencyKey.Unusable e) {
        return Problems.response(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    record BookingRequest(UUID reservationId,
                          @NotNull @Pattern(regexp = RoomNumbers.PATTERN, message = RoomNumbers.MESSAGE)
                          String roomNumber,
                          @NotNull LocalDate checkIn,
                          @NotNull LocalDate checkOut,
                          @NotNull @Size(min = 1, max = 100) @Pattern(regexp = GuestText.NAME,
                                  message = GuestText.NAME_MESSAGE) String guestName,
                          @NotNull @Size(max = 254) @Email(regexp = GuestText.EMAIL,
                                  message = "must be an e-mail address") String guestEmail) {
    }

    record BookingConfirmation(UUID reservationId, String roomNumber, LocalDate checkIn, LocalDate checkOut,
                               long nights, BigDecimal totalPrice, String status, String cancellationToken) {
    }
}
