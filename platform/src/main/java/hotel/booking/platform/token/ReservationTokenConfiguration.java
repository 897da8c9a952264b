package hotel.booking.platform.token;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Base64;

@Configuration(proxyBeanMethods = false)
public class ReservationTokenConfiguration {

    /**
     * {@code hotel.reservation-tokens.secret} (Base64, at least 32 bytes) when an operator manages
     * it; otherwise one shared secret kept in the database.
     */
    @Bean
    @DependsOnDatabaseInitialization
    public ReservationTokens reservationTokens(@Value("${hotel.reservation-tokens.secret:}") String configured,
                                               JdbcClient jdbc) {
        byte[] secret = configured.isBlank()
                ? new ServerSecrets(jdbc).secret("reservation-token")
                : Base64.getDecoder().decode(configured.trim());
        return new ReservationTokens(secret);
    }
}
