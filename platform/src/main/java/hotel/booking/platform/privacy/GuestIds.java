package hotel.booking.platform.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A guest's id: an HMAC of the normalised e-mail address under a server secret. Every booking with
 * the same address has the same id, and so the same key; staff who know the address can find the
 * id, nobody without the secret can tell the address from the id.
 */
public class GuestIds {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Supplier<byte[]> secret;
    private volatile SecretKeySpec key;

    /** @param secret asked once, at the first id (not at startup: the database may not be migrated yet) */
    public GuestIds(Supplier<byte[]> secret) {
        this.secret = secret;
    }

    public String of(String email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            byte[] digest = mac.doFinal(("guest:" + normalized(email)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code text} can be a guest id at all (43 characters of unpadded Base64url). */
    public static boolean wellFormed(String text) {
        return text != null && WELL_FORMED.matcher(text).matches();
    }

    /** The same address however it was typed: no surrounding blanks, one Unicode form, lower case. */
    static String normalized(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] bytes = secret.get();
            if (bytes.length < 32) {
                throw new IllegalStateException("The guest id secret must have at least 32 bytes");
            }
            known = new SecretKeySpec(bytes, ALGORITHM);
            key = known;
        }
        return known;
    }
}
