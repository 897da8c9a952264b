package hotel.booking.platform.correlation;

import java.util.Map;

/**
 * The metadata keys that say who asked for a command and in which request. Axon copies them from
 * each command to the events it causes (see {@link CorrelationConfiguration}). They are not Axon's
 * own {@code correlationId} and {@code traceId}, which name the message that caused another.
 */
public final class AuditMetadata {

    public static final String REQUEST_ID = "requestId";
    public static final String PRINCIPAL = "principal";

    /** The principal of an HTTP request nobody signed in to. */
    public static final String ANONYMOUS = "anonymous";
    /** The principal of a command the application sent on its own, outside any request. */
    public static final String SYSTEM = "system";

    private AuditMetadata() {
    }

    /** The request id and principal of the HTTP request being served, or of the system itself. */
    public static Map<String, String> ofCurrentRequest() {
        return Origin.current().asMetaData();
    }
}
