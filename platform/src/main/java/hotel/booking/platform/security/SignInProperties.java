package hotel.booking.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The passwords of the three accounts ({@code hotel.security.*}, bound from
 * {@code HOTEL_STAFF_PASSWORD}, {@code HOTEL_AUDITOR_PASSWORD}, {@code HOTEL_ANALYST_PASSWORD}):
 * plain text, or already hashed when it starts with {@code {bcrypt}}. A missing one is generated
 * for the run when {@code generate-missing-passwords} is on (the embedded default), and refused
 * at startup otherwise (profile {@code postgres}).
 */
@ConfigurationProperties("hotel.security")
public record SignInProperties(String staffPassword,
                               String auditorPassword,
                               String analystPassword,
                               @DefaultValue("true") boolean generateMissingPasswords) {

    String passwordOf(HotelRole role) {
        String password = switch (role) {
            case STAFF -> staffPassword;
            case AUDITOR -> auditorPassword;
            case ANALYST -> analystPassword;
        };
        return password == null || password.isBlank() ? null : password;
    }

    static String environmentVariableOf(HotelRole role) {
        return "HOTEL_" + role.name() + "_PASSWORD";
    }
}
