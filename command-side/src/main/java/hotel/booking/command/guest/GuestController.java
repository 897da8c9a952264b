package hotel.booking.command.guest;

import hotel.booking.command.reservation.GuestText;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/** Staff erase a guest's personal data, by guest id or by e-mail address. */
@RestController
@RequestMapping("/api/guests")
class GuestController {

    private static final Pattern EMAIL = Pattern.compile(GuestText.EMAIL);
    private static final int MAX_EMAIL = 254;

    private final GuestErasure erasure;
    private final GuestIds ids;

    GuestController(GuestErasure erasure, GuestIds ids) {
        this.erasure = erasure;
        this.ids = ids;
    }

    @DeleteMapping("/{guestId}")
    ResponseEntity<ProblemDetail> erase(@PathVariable String guestId, Authentication staff) {
        if (!GuestIds.wellFormed(guestId)) {
            return Problems.response(HttpStatus.BAD_REQUEST, "A guest id is 43 letters, digits, '-' or '_'");
        }
        return erase(guestId, staff, "There is no personal data of guest " + guestId);
    }

    @DeleteMapping
    ResponseEntity<ProblemDetail> eraseByEmail(@RequestParam(required = false) String email, Authentication staff) {
        if (email == null || email.isBlank()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Say whom to erase: /api/guests/{guestId} or ?email=");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            return Problems.response(HttpStatus.BAD_REQUEST, "'email' must be an e-mail address");
        }
        return erase(ids.of(email), staff, "There is no personal data of a guest with this e-mail address");
    }

    private ResponseEntity<ProblemDetail> erase(String guestId, Authentication staff, String unknown) {
        return erasure.erase(guestId, staff.getName())
                      .<ResponseEntity<ProblemDetail>>map(erased -> ResponseEntity.noContent().build())
                      .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, unknown));
    }
}
