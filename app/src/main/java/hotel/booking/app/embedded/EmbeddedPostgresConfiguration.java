package hotel.booking.app.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The zero-setup default: with no {@code spring.datasource.url} the app runs its own PostgreSQL,
 * whose data stay in {@code hotel.embedded-postgres.data-dir} across restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return new EmbeddedPostgresLauncher(properties.dataDir(), properties.port()).start();
    }

    @Bean
    EmbeddedPostgresProperties embeddedPostgresProperties(
            @org.springframework.beans.factory.annotation.Value("${hotel.embedded-postgres.data-dir:data/postgres}")
            Path dataDir,
            @org.springframework.beans.factory.annotation.Value("${hotel.embedded-postgres.port:0}") int port) {
        return new EmbeddedPostgresProperties(dataDir, port);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, DataSourceProperties properties) {
        properties.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        properties.setUsername("postgres");
        properties.setPassword("");
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    record EmbeddedPostgresProperties(Path dataDir, int port) {
    }
}
