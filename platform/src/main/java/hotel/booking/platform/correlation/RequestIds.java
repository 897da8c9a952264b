package hotel.booking.platform.correlation;

import hotel.booking.platform.ids.RandomIds;
import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * The id of an HTTP request: the client's {@code X-Request-ID} when it is a safe token (it goes
 * into logs, headers and the event store), a new UUID otherwise.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    static final String ATTRIBUTE = RequestIds.class.getName();
    static final int MAX_LENGTH = 128;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~:+=/@-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    static String acceptOrGenerate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : generate();
    }

    static String generate() {
        return RandomIds.next().toString();
    }

    /** The id {@link RequestIdFilter} gave the request, or a new one if it did not run. */
    static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : generate();
    }
}
