package hotel.booking.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh PostgreSQL databases for tests. The server at 127.0.0.1:5432 (user postgres, trust auth)
 * when it answers, as in CI; otherwise one embedded PostgreSQL per JVM, so the tests pass on a
 * laptop with nothing installed. With {@code CI=true} a missing server is an error, never a
 * silent switch. Every database made here is dropped when the JVM exits.
 */
public final class TestPostgres {

    public record Database(String name, String url, String username, String password) {
    }

    private static final String HOST = System.getProperty("hotel.test.pg.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("hotel.test.pg.port", 5432);
    private static final String USER = "postgres";

    private static final List<String> created = new CopyOnWriteArrayList<>();
    private static volatile String adminUrl;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    /** A new, empty database of its own. */
    public static Database freshDatabase() {
        String name = "hotel_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute(adminUrl(), "CREATE DATABASE " + name);
        created.add(name);
        String url = adminUrl().replaceFirst("/postgres(\\?.*)?$", "/" + name);
        return new Database(name, url, USER, "");
    }

    /** A new database with every Flyway migration on the test classpath applied. */
    public static DataSource migratedDataSource() {
        Database database = freshDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.username());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** True when the databases come from the embedded server rather than a real one. */
    public static boolean isEmbedded() {
        adminUrl();
        return embedded != null;
    }

    private static String adminUrl() {
        if (adminUrl == null) {
            synchronized (TestPostgres.class) {
                if (adminUrl == null) {
                    adminUrl = startOrFind();
                    Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropAll, "drop-test-databases"));
                }
            }
        }
        return adminUrl;
    }

    private static String startOrFind() {
        if (serverAnswers()) {
            return "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no PostgreSQL answers at " + HOST + ":" + PORT);
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
            return embedded.getJdbcUrl(USER, "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    private static boolean serverAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void dropAll() {
        for (String name : created) {
            try {
                execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // the JVM is going; a database left behind is harmless
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // ditto
            }
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }
}
