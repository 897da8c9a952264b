package hotel.booking.command.reservation;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.platform.ratelimit.ClientAddress;
import hotel.booking.platform.ratelimit.TokenBuckets;
import hotel.booking.platform.security.HotelRole;
import hotel.booking.platform.web.ProblemResponses;
import hotel.booking.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Duration;

/**
 * So that a bot cannot sweep the inventory: each client address may attempt a burst of bookings
 * and cancellations ({@code hotel.rate-limit.bookings.capacity}), then one more every
 * {@code refill-period}; past that it gets 429 with {@code Retry-After}. Every attempt counts,
 * refused ones too. Staff are not limited.
 */
@Component
class BookingAttemptLimits implements WebMvcConfigurer {

    private final boolean enabled;
    private final TokenBuckets buckets;
    private final ProblemResponses problems;

    BookingAttemptLimits(@Value("${hotel.rate-limit.bookings.enabled:true}") boolean enabled,
                         @Value("${hotel.rate-limit.bookings.capacity:20}") int capacity,
                         @Value("${hotel.rate-limit.bookings.refill-period:10s}") Duration refillPeriod,
                         @Value("${hotel.rate-limit.bookings.max-clients:100000}") int maxClients,
                         ObjectMapper json) {
        this.enabled = enabled;
        this.buckets = new TokenBuckets(capacity, refillPeriod, maxClients, System::nanoTime);
        this.problems = new ProblemResponses(json);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (enabled) {
            registry.addInterceptor(new Limiter()).addPathPatterns("/api/reservations", "/api/reservations/*",
                    "/api/reservations/*/move", "/api/holds", "/api/holds/*/confirm");
        }
    }

    private final class Limiter implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            if (!isAttempt(request) || HotelRole.STAFF.heldBy(SecurityContextHolder.getContext().getAuthentication())) {
                return true;
            }
            Duration wait = buckets.take(ClientAddress.of(request));
            if (wait.isZero()) {
                return true;
            }
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many booking attempts from your address; try again in " + seconds + " s");
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(response, problem);
            return false;
        }

        private static boolean isAttempt(HttpServletRequest request) {
            return "POST".equals(request.getMethod()) || "DELETE".equals(request.getMethod())
                    || "PATCH".equals(request.getMethod());
        }
    }
}
