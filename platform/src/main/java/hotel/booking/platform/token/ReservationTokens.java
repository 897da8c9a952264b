package hotel.booking.platform.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * The secret a guest proves ownership of a reservation with ({@code X-Reservation-Token}).
 * It is an HMAC of the reservation id under a key only the servers hold: nothing per reservation
 * is stored, a retried booking gets the same token back, and checking one is constant-time.
 */
public class ReservationTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public ReservationTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The reservation token secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String tokenFor(UUID reservationId) {
        return ENCODER.encodeToString(mac(reservationId));
    }

    public boolean matches(UUID reservationId, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = ENCODER.encode(mac(reservationId));
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(UUID reservationId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("reservation:" + reservationId).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
