package hotel.booking.platform.token;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;

/**
 * Secrets every node must share, kept in PostgreSQL: the first node to ask creates one, every
 * later node and restart reads the same. A concurrent first start is settled by the primary key.
 */
public class ServerSecrets {

    private static final int SECRET_BYTES = 32;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public ServerSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] secret(String name) {
        var known = jdbc.sql("SELECT secret FROM server_secret WHERE name = ?").param(name).query(byte[].class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        byte[] candidate = new byte[SECRET_BYTES];
        random.nextBytes(candidate);
        jdbc.sql("INSERT INTO server_secret (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
            .params(name, candidate)
            .update();
        return jdbc.sql("SELECT secret FROM server_secret WHERE name = ?")
                   .param(name)
                   .query(byte[].class)
                   .single();
    }
}
