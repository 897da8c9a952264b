package hotel.booking.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a Spring test context at a database of its own ({@link TestPostgres}). */
public class FreshPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database database = TestPostgres.freshDatabase();
        TestPropertyValues.of(
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password(),
                // many test contexts share one server: keep each one's pool small
                "spring.datasource.hikari.maximum-pool-size=8",
                "spring.datasource.hikari.minimum-idle=1"
        ).applyTo(context);
    }
}
