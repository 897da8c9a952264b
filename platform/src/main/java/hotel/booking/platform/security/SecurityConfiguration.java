package hotel.booking.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotel.booking.platform.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static hotel.booking.platform.security.HotelRole.ANALYST;
import static hotel.booking.platform.security.HotelRole.AUDITOR;
import static hotel.booking.platform.security.HotelRole.STAFF;

/**
 * Who may do what, by the contract's table. Guests are anonymous; staff, auditor and analyst sign
 * in with HTTP Basic on every request (no session, so no CSRF token: nothing rides on a cookie).
 * Reading or cancelling a reservation is open here and decided by its controller: the guest's
 * token or the staff role. Every other address under {@code /api} is refused.
 * <p>
 * An auto-configuration (not a scanned class), so every {@code @WebMvcTest} slice runs with it; only in a
 * servlet web application (a context without a web server has no requests to guard).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SignInProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain hotelSecurity(HttpSecurity http, SecurityProblems problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .httpBasic(basic -> basic.realmName("hotel").authenticationEntryPoint(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                                                       .accessDeniedHandler(problems))
                .authorizeHttpRequests(SecurityConfiguration::accessRules)
                .build();
    }

    private static void accessRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
             .requestMatchers(HttpMethod.POST, "/api/rooms").hasRole(STAFF.name())
             .requestMatchers(HttpMethod.PUT, "/api/rooms/*/rates").hasRole(STAFF.name())
             .requestMatchers(HttpMethod.GET, "/api/rooms/*/rates", "/api/quote").permitAll()
             .requestMatchers(HttpMethod.GET, "/api/rooms").permitAll()
             .requestMatchers(HttpMethod.GET, "/api/availability", "/api/availability/**").permitAll()
             .requestMatchers(HttpMethod.POST, "/api/reservations").permitAll()
             .requestMatchers(HttpMethod.GET, "/api/reservations/*").permitAll()
             .requestMatchers(HttpMethod.DELETE, "/api/reservations/*").permitAll()
             .requestMatchers(HttpMethod.PATCH, "/api/reservations/*").permitAll()
             .requestMatchers(HttpMethod.POST, "/api/reservations/*/move").permitAll()
             .requestMatchers(HttpMethod.POST, "/api/holds", "/api/holds/*/confirm").permitAll()
             .requestMatchers(HttpMethod.POST, "/api/rooms/*/blocks").hasRole(STAFF.name())
             .requestMatchers(HttpMethod.DELETE, "/api/rooms/*/blocks/*").hasRole(STAFF.name())
             .requestMatchers(HttpMethod.DELETE, "/api/guests", "/api/guests/*").hasRole(STAFF.name())
             .requestMatchers("/api/audit/**").hasRole(AUDITOR.name())
             .requestMatchers("/api/admin/**", "/api/reports/**").hasRole(ANALYST.name())
             .requestMatchers("/api/**").denyAll()
             .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
             .permitAll()
             .requestMatchers("/actuator", "/actuator/**").hasRole(STAFF.name())
             // outside /api and /actuator there is only the page: static files
             .requestMatchers(HttpMethod.GET, "/**").permitAll()
             .anyRequest().denyAll();
    }

    /** Matches paths the way Spring MVC does (and Spring Security 7 will by default). */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(new ProblemResponses(json));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager hotelAccounts(SignInProperties properties, PasswordEncoder encoder) {
        return HotelAccounts.of(properties, encoder);
    }
}
