package hotel.booking.platform.correlation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.Principal;
import java.util.Map;

/** Who asked for a command and in which request: the HTTP request being served, or the system itself. */
record Origin(String requestId, String principal) {

    static Origin current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return new Origin(RequestIds.of(request), principalOf(request));
        }
        return new Origin(RequestIds.generate(), AuditMetadata.SYSTEM);
    }

    private static String principalOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null || principal.getName() == null ? AuditMetadata.ANONYMOUS : principal.getName();
    }

    Map<String, String> asMetaData() {
        return Map.of(AuditMetadata.REQUEST_ID, requestId, AuditMetadata.PRINCIPAL, principal);
    }
}
