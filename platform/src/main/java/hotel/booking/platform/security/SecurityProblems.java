package hotel.booking.platform.security;

import hotel.booking.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * Spring Security's refusals as problem+json: 401 to sign in, 403 for an account that may not,
 * 400 for an address the firewall turns away (encoded slashes, {@code ..}, control characters).
 * <p>
 * A 401 carries {@code WWW-Authenticate: Basic}, as HTTP requires, so a person who opens a staff
 * address in a browser gets its sign-in dialog. Only staff, audit and analyst addresses answer 401,
 * so guests never see it; and a script that says {@code X-Requested-With: XMLHttpRequest} gets
 * the 401 without the header (as Spring Security does), so a page can show its own sign-in form.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    static final String CHALLENGE = "Basic realm=\"hotel\", charset=\"UTF-8\"";

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        problems.write(response, HttpStatus.UNAUTHORIZED, failure instanceof BadCredentialsException
                ? "The user name or password is wrong"
                : "Sign in (HTTP Basic) with an account that may use this address");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(response, HttpStatus.FORBIDDEN, "Your account may not use this address");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Refused a request: {}", rejected.getMessage());
        problems.write(response, HttpStatus.BAD_REQUEST,
                "The address contains characters or sequences that are not allowed");
    }
}
