package hotel.booking.platform.security;

import org.springframework.security.core.Authentication;

import java.util.Locale;

/** Who signs in, one account each: the front desk, the auditor and the analyst. Guests never sign in. */
public enum HotelRole {
    STAFF,
    AUDITOR,
    ANALYST;

    public String userName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** @param caller who sent the request; null or anonymous for a guest */
    public boolean heldBy(Authentication caller) {
        return caller != null && caller.isAuthenticated()
                && caller.getAuthorities().stream().anyMatch(granted -> authority().equals(granted.getAuthority()));
    }
}
