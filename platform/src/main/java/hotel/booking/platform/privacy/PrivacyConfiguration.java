package hotel.booking.platform.privacy;

import hotel.booking.platform.token.ServerSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/** Guests' personal data sealed with a key per guest, and erased by destroying the key. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    public GuestIds guestIds(JdbcClient jdbc) {
        return new GuestIds(() -> new ServerSecrets(jdbc).secret("guest-id"));
    }

    @Bean
    public GuestKeys guestKeys(JdbcClient jdbc,
                               @Value("${hotel.privacy.key-cache-ttl:10s}") Duration ttl,
                               @Value("${hotel.privacy.key-cache-size:10000}") int size) {
        return new GuestKeys(jdbc, ttl, size);
    }

    @Bean
    public SealedGuests sealedGuests(GuestIds ids, GuestKeys keys) {
        return new SealedGuests(ids, keys);
    }

    @Bean
    @DependsOnDatabaseInitialization
    public ErasedKeys erasedKeys(JdbcClient jdbc) {
        ErasedKeys erased = new ErasedKeys(jdbc);
        erased.destroyRestored();
        return erased;
    }
}
