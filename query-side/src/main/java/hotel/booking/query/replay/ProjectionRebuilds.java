package hotel.booking.query.replay;

import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts rebuilds and tells how the projections stand, on any query node. One rebuild of a
 * projection at a time in the whole cluster: a rebuild holds a PostgreSQL advisory lock for its
 * projection for as long as it runs (on a connection of its own), so a second request on any node
 * is refused, and a node that dies lets go of it with its connection.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    /** First half of the advisory lock keys of rebuilds; the second is the projection's index. */
    public static final int LOCK_SPACE = 0x48524244;
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** The fold of this projection misses events its live projection handles: a rebuild would differ from it. */
    public static class IncompleteFold extends RuntimeException {
        IncompleteFold(String name, java.util.Set<Class<?>> missed) {
            super("The rebuild of " + name + " does not fold " + missed.stream().map(Class::getSimpleName).toList()
                  + ", which its live projection handles; it is refused rather than swap in a different read model");
        }
    }

    /** A rebuild of this projection is already running somewhere. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String name) {
            super("A rebuild of " + name + " is already running");
        }
    }

    /**
     * What a rebuild did: how many events went into the new read model, up to which position, the
     * read model's checksum before (the live tables at the switch) and after (the new ones), and the
     * time the fold of the history took, apart from writing it out and catching up.
     */
    public record Outcome(long events, long position, String checksumBefore, String checksumAfter, Duration foldTime,
                          long foldedEvents, Duration foldCpuTime) {
    }

    private final Map<String, RebuildableProjection> projections = new TreeMap<>();
    private final List<String> names;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final Duration lockTimeout;
    private final StoredEventReader reader;
    private final StoredEventReader guestless;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilds(List<RebuildableProjection> projections, DataSource dataSource, Serializer serializer,
                              @Value("${hotel.replay.lock-timeout:30s}") Duration lockTimeout) {
        projections.forEach(projection -> this.projections.put(projection.name(), projection));
        this.names = List.copyOf(this.projections.keySet());
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.serializer = serializer;
        this.reader = new StoredEventReader(serializer);
        this.guestless = reader.withoutGuests();
        this.lockTimeout = lockTimeout;
        this.projections.values().forEach(projection -> {
            java.util.Set<Class<?>> missed = RebuildableProjection.missedEvents(projection);
            if (!missed.isEmpty()) {
                log.error(new IncompleteFold(projection.name(), missed).getMessage());
            }
        });
    }

    public List<String> names() {
        return names;
    }

    public boolean exists(String name) {
        return projections.containsKey(name);
    }

    /**
     * Starts a rebuild in the background and answers at once; what it does shows in {@link #status}.
     *
     * @return the rebuild's outcome, when it is over
     * @throws AlreadyRunning when one of this projection runs on any node
     * @throws IncompleteFold when the fold misses events the live projection handles
     */
    public CompletableFuture<Outcome> start(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("No projection " + name);
        }
        java.util.Set<Class<?>> missed = RebuildableProjection.missedEvents(projection);
        if (!missed.isEmpty()) {
            throw new IncompleteFold(name, missed);
        }
        Connection lock;
        try {
            lock = dataSource.getConnection();
            lock.setAutoCommit(true);
            boolean taken;
            try (PreparedStatement statement = lock.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_SPACE);
                statement.setInt(2, lockKey(name));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    taken = rs.getBoolean(1);
                }
            }
            if (!taken) {
                lock.close();
                throw new AlreadyRunning(name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the rebuild of " + name, e);
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try {
            jdbc.sql("""
                     INSERT INTO projection_rebuild (projection, state, phase, node, started_at)
                     VALUES (?, 'RUNNING', 'STARTING', ?, now())
                     ON CONFLICT (projection) DO UPDATE SET state = 'RUNNING', phase = 'STARTING', node = excluded.node,
                         started_at = now(), finished_at = NULL, position = 0, target = 0, events = 0,
                         events_per_second = NULL, checksum_before = NULL, checksum_after = NULL, error = NULL
                     """).params(name, node).update();
            log.info("Projection {}: rebuild started", name);
            executor.execute(() -> run(projection, lock, outcome));
        } catch (RuntimeException e) {
            release(name, lock);
            throw e;
        }
        return outcome;
    }

    private void run(RebuildableProjection projection, Connection lock, CompletableFuture<Outcome> outcome) {
        String name = projection.name();
        long started = System.nanoTime();
        try {
            Outcome result = new Rebuild(projection, dataSource, serializer,
                    projection.readsGuests() ? reader : guestless, lockTimeout,
                    (phase, position, target, events) -> jdbc.sql("""
                            UPDATE projection_rebuild SET phase = ?, position = ?, target = ?, events = ?
                            WHERE projection = ?""").params(phase, position, target, events, name).update())
                    .run();
            double seconds = (System.nanoTime() - started) / 1e9;
            BigDecimal rate = BigDecimal.valueOf(result.events() / Math.max(seconds, 1e-9)).setScale(1, RoundingMode.HALF_UP);
            jdbc.sql("""
                     UPDATE projection_rebuild SET state = 'DONE', phase = 'DONE', finished_at = now(), position = ?,
                         target = ?, events = ?, events_per_second = ?, checksum_before = ?, checksum_after = ?
                     WHERE projection = ?""")
                .params(result.position(), result.position(), result.events(), rate, result.checksumBefore(),
                        result.checksumAfter(), name).update();
            boolean identical = result.checksumBefore().equals(result.checksumAfter());
            String message = "Projection {}: rebuilt from {} events through position {} in {} ms ({} events/s; the fold "
                             + "alone {} events in {} ms); checksum before {}, after {}{}";
            Object[] arguments = {name, result.events(), result.position(), Math.round(seconds * 1000), rate,
                    result.foldedEvents(), result.foldTime().toMillis(), result.foldCpuTime().toMillis(), result.checksumBefore(), result.checksumAfter(),
                    identical ? " (identical)" : " (the read model was not what the events say; it is now)"};
            if (identical) {
                log.info(message, arguments);
            } else {
                log.warn(message, arguments);
            }
            outcome.complete(result);
        } catch (Throwable e) {
            log.warn("Projection {}: rebuild failed, the live read model is left as it was", name, e);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.sql("""
                     UPDATE projection_rebuild SET state = 'FAILED', finished_at = now(), error = ? WHERE projection = ?
                     """).params(error.length() > 2000 ? error.substring(0, 2000) : error, name).update();
            outcome.completeExceptionally(e);
        } finally {
            release(name, lock);
        }
    }

    private void release(String name, Connection lock) {
        try (lock; PreparedStatement statement = lock.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, lockKey(name));
            statement.execute();
        } catch (SQLException e) {
            log.warn("Projection {}: could not release the rebuild lock ({}); it goes with the connection", name,
                    e.getMessage());
        }
    }

    /** The second half of the advisory lock key of this projection's rebuilds. */
    public int lockKey(String name) {
        return names.indexOf(name) + 1;
    }

    /** Whether a rebuild of the projection runs on any node now. */
    public boolean replaying(String name) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                            AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2)
                        """)
                   .params(Integer.toUnsignedLong(LOCK_SPACE), Integer.toUnsignedLong(lockKey(name)))
                   .query(Boolean.class).single();
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return names.stream().map(name -> status(name, head)).toList();
    }

    /** One projection's status, with the checksum of its live read model. */
    public Optional<ProjectionStatus> status(String name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        return Optional.of(status(name, head()).withChecksum(checksum(name)));
    }

    public String checksum(String name) {
        try (Connection connection = dataSource.getConnection()) {
            return ShadowTables.checksum(connection, projections.get(name).tables());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the read model of " + name, e);
        }
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    private ProjectionStatus status(String name, long head) {
        Long position = livePosition(name);
        boolean replaying = replaying(name);
        ProjectionStatus.Rebuild rebuild = jdbc.sql("""
                        SELECT state, phase, node, started_at, finished_at, position, target, events, events_per_second,
                               checksum_before, checksum_after, error
                        FROM projection_rebuild WHERE projection = ?""")
                .param(name)
                .query((rs, row) -> {
                    String state = rs.getString("state");
                    if ("RUNNING".equals(state) && !replaying) {
                        state = "ABANDONED";
                    }
                    String before = rs.getString("checksum_before");
                    String after = rs.getString("checksum_after");
                    return new ProjectionStatus.Rebuild(state, rs.getString("phase"), rs.getString("node"),
                            instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                            rs.getLong("position"), rs.getLong("target"), rs.getLong("events"),
                            rs.getBigDecimal("events_per_second"), before, after,
                            before == null || after == null ? null : before.equals(after), rs.getString("error"));
                })
                .optional().orElse(null);
        return new ProjectionStatus(name, position, head, position == null ? null : Math.max(0, head - position),
                replaying, progress(rebuild, replaying), rebuild, null);
    }

    private static Integer progress(ProjectionStatus.Rebuild rebuild, boolean replaying) {
        if (rebuild == null) {
            return null;
        }
        if ("DONE".equals(rebuild.state())) {
            return 100;
        }
        if (!replaying || rebuild.target() <= 0) {
            return 0;
        }
        return (int) Math.min(99, rebuild.position() * 100 / rebuild.target());
    }

    private Long livePosition(String name) {
        List<Long> positions = jdbc.sql("SELECT segment FROM token_entry WHERE processor_name = ?").param(name)
                                   .query(Long.class).list();
        if (positions.isEmpty()) {
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            return Math.max(0, LiveTokens.read(connection, serializer, name, false).lowest());
        } catch (SQLException | RebuildException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
