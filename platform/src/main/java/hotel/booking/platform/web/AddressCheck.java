package hotel.booking.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Turns away, first of all, addresses with path parameters ({@code ;...}) or broken percent-escapes.
 * Tomcat strips path parameters before it decodes, and Spring parses them before its firewall
 * looks, so a bad escape there would otherwise end in a 500. No address of this API has either.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AddressCheck extends OncePerRequestFilter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final ProblemResponses problems;

    AddressCheck(ObjectMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRequestURI();
        if (address.indexOf(';') >= 0 || BROKEN_ESCAPE.matcher(address).find()) {
            problems.write(response, HttpStatus.BAD_REQUEST,
                    "The address contains characters or sequences that are not allowed");
            return;
        }
        chain.doFilter(request, response);
    }
}
