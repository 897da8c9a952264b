package hotel.booking.command.reservation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of a booking. Nothing is stored for it: the key names the
 * reservation id (a name-based UUID, version 5), so a retry with the same key is a retry of the
 * same reservation, which the Room recognises. At least 16 characters, room for a random key
 * (a UUID) that nobody can guess: whoever repeats a key with the same details gets the same
 * answer, cancellation token included.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._~+/=:-]{16,128}");
    private static final UUID NAMESPACE = UUID.fromString("0b7c3b6e-4f1a-5d2c-9a37-6f0e8c1d2a45");

    IdempotencyKey {
        if (!FORM.matcher(value).matches()) {
            throw new Unusable(HEADER + " must be 16 to 128 letters, digits or ._~+/=:- (a UUID will do)");
        }
    }

    /** @param header as sent: a bare token, or quoted as a structured-field string */
    static IdempotencyKey parse(String header) {
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return new IdempotencyKey(value);
    }

    UUID reservationId() {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                                  .putLong(NAMESPACE.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(value.getBytes(StandardCharsets.US_ASCII));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** The reservation id the booking is made under: the key's, which a reservationId sent too must match. */
    UUID reservationIdFor(UUID sent) {
        UUID named = reservationId();
        if (sent != null && !sent.equals(named)) {
            throw new Unusable("The reservationId is not the one this " + HEADER
                    + " stands for; send one of them, not both");
        }
        return named;
    }

    /** A key the booking cannot be made under: a 400. */
    static class Unusable extends RuntimeException {
        Unusable(String detail) {
            super(detail);
        }
    }
}
