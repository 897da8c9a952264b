package hotel.booking.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The staff, auditor and analyst accounts, their passwords held only as hashes. Passwords made up
 * here are shown once, in a banner at startup, and never logged again.
 */
final class HotelAccounts {

    private static final Logger log = LoggerFactory.getLogger(HotelAccounts.class);
    private static final String HASHED = "{bcrypt}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private HotelAccounts() {
    }

    static InMemoryUserDetailsManager of(SignInProperties properties, PasswordEncoder encoder) {
        Map<HotelRole, String> generated = new EnumMap<>(HotelRole.class);
        List<HotelRole> missing = new ArrayList<>();
        List<UserDetails> users = new ArrayList<>();
        for (HotelRole role : HotelRole.values()) {
            String password = properties.passwordOf(role);
            if (password == null && properties.generateMissingPasswords()) {
                password = randomPassword();
                generated.put(role, password);
            }
            if (password == null) {
                missing.add(role);
                continue;
            }
            users.add(User.withUsername(role.userName())
                          .password(password.startsWith(HASHED) ? password : encoder.encode(password))
                          .roles(role.name())
                          .build());
        }
        if (!missing.isEmpty()) {
            throw new MissingPasswords(missing);
        }
        if (!generated.isEmpty()) {
            log.warn(banner(generated));
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String banner(Map<HotelRole, String> generated) {
        String line = "=".repeat(78);
        String accounts = generated.entrySet().stream()
                .map(e -> String.format("    %-8s %s   (set %s to choose it)", e.getKey().userName(), e.getValue(),
                        SignInProperties.environmentVariableOf(e.getKey())))
                .collect(Collectors.joining("\n"));
        return "\n" + line + "\n  Passwords generated for this run only; sign in with HTTP Basic:\n"
                + accounts + "\n" + line;
    }

    /** Startup refused: an account has no password and none may be made up (profile postgres). */
    static class MissingPasswords extends IllegalStateException {
        MissingPasswords(List<HotelRole> roles) {
            super("No password for " + roles.stream().map(HotelRole::userName).toList() + ": set "
                    + roles.stream().map(SignInProperties::environmentVariableOf).collect(Collectors.joining(", "))
                    + " (passwords are generated only in the embedded default)");
        }
    }
}
