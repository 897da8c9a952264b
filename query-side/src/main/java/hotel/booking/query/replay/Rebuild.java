package hotel.booking.query.replay;

import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One rebuild of one projection, beside its live read model, which keeps answering and following
 * the events all along:
 * <ol>
 *     <li>fold the history up to where every segment of the live processor has got, in memory,
 *     and COPY it into shadow tables, then give them their keys and indexes;</li>
 *     <li>catch up, in rounds, with the events the live processor has applied since;</li>
 *     <li>in one transaction: lock the live tables against writers (readers go on), lock the
 *     processor's token rows so that no node commits a batch, apply what the tokens cover that the
 *     shadow lacks, and swap the shadows in by renames.</li>
 * </ol>
 * An event goes into the shadow when, and only when, the live processor's token for its segment
 * covers it; so at the swap the new read model reflects exactly the events the old one did, and
 * the processor goes on from its own token: nothing is applied twice or skipped, and the live
 * stream's change feed, written by the processor, never notices.
 */
final class Rebuild {

    /** As Axon's gap-aware tokens: positions further back than this are no longer waited for. */
    static final long MAX_GAP_OFFSET = 10_000;
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final int MAX_ROUNDS = 50;
    private static final long CLOSE_ENOUGH = 500;

    interface Progress {
        void report(String phase, long position, long target, long events);
    }

    private final RebuildableProjection projection;
    private final DataSource dataSource;
    private final Serializer serializer;
    private final StoredEventReader reader;
    private final Duration lockTimeout;
    private final ShadowTables shadows;
    private final ProjectionFold fold;
    private final Progress progress;
    /** Every position up to here was looked at; those in {@link #pending} were not applied (yet). */
    private long considered;
    private final TreeSet<Long> pending = new TreeSet<>();
    private long applied;
    private Map<Integer, Long> lastSeen;
    private Duration foldCpuTime = Duration.ZERO;

    Rebuild(RebuildableProjection projection, DataSource dataSource, Serializer serializer, StoredEventReader reader,
            Duration lockTimeout, Progress progress) {
        this.projection = projection;
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.reader = reader;
        this.lockTimeout = lockTimeout;
        this.shadows = new ShadowTables(projection.tables());
        this.fold = projection.newFold();
        this.progress = progress;
    }

    ProjectionRebuilds.Outcome run() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return run(connection);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                connection.setAutoCommit(true);
                shadows.drop(connection);
                throw e;
            }
        }
    }

    private ProjectionRebuilds.Outcome run(Connection connection) throws SQLException {
        shadows.create(connection);
        connection.commit();

        long started = System.nanoTime();
        long cpuStarted = cpuTime();
        LiveTokens live = LiveTokens.read(connection, serializer, projection.name(), false);
        lastSeen = live.positions();
        long target = live.lowest();
        progress.report("FOLDING", 0, target, 0);
        catchUp(connection, live, target, true);
        long foldedEvents = applied;
        Duration foldTime = Duration.ofNanos(System.nanoTime() - started);
        foldCpuTime = Duration.ofNanos(cpuTime() - cpuStarted);
        ShadowTables.writeAll(connection, fold.tables());
        fold.tables().forEach(FoldedTable::takeChanged);
        connection.commit();
        progress.report("INDEXING", considered, target, applied);
        shadows.index(connection);
        connection.commit();
        log.info("Projection {}: {} events folded in {} ms and written to the shadow tables; catching up",
                projection.name(), foldedEvents, foldTime.toMillis());

        for (int round = 0; round < MAX_ROUNDS; round++) {
            live = LiveTokens.read(connection, serializer, projection.name(), false);
            checkNotReset(live);
            long through = live.highest();
            progress.report("CATCHING_UP", considered, through, applied);
            catchUp(connection, live, through, false);
            ShadowTables.writeChanges(connection, fold.tables());
            connection.commit();
            if (LiveTokens.read(connection, serializer, projection.name(), false).highest() - considered < CLOSE_ENOUGH) {
                break;
            }
        }
        return switchOver(connection, foldTime, foldedEvents);
    }

    private ProjectionRebuilds.Outcome switchOver(Connection connection, Duration foldTime, long foldedEvents) throws SQLException {
        progress.report("SWITCHING", considered, considered, applied);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            // writers wait (the processor's next batch among them), readers go on until the renames
            statement.execute("LOCK TABLE " + String.join(", ", projection.tables()) + " IN EXCLUSIVE MODE");
        }
        LiveTokens live = LiveTokens.read(connection, serializer, projection.name(), true);
        checkNotReset(live);
        catchUp(connection, live, live.highest(), false);
        ShadowTables.writeChanges(connection, fold.tables());
        List<String> shadowNames = new ArrayList<>();
        projection.tables().forEach(table -> shadowNames.add(ShadowTables.shadow(table)));
        String before = ShadowTables.checksum(connection, projection.tables());
        String after = ShadowTables.checksum(connection, shadowNames);
        if (!before.equals(after)) {
            logDifferences(connection);
        }
        shadows.swap(connection);
        connection.commit();
        progress.report("DONE", considered, considered, applied);
        return new ProjectionRebuilds.Outcome(applied, considered, before, after, foldTime, foldedEvents, foldCpuTime);
    }

    /**
     * Applies, in order, the events the shadow lacks that the live tokens cover: those still
     * pending, then those after {@link #considered} up to {@code through}. What the tokens do not
     * cover yet (a gap in the store, a position a segment has not reached) stays pending.
     */
    private void catchUp(Connection connection, LiveTokens live, long through, boolean reportProgress)
            throws SQLException {
        reader.at(connection, List.copyOf(pending), event -> {
            if (live.covers(event.globalIndex(), projection.sequenceIdentifier(event))) {
                pending.remove(event.globalIndex());
                apply(event);
            }
        });
        if (through <= considered) {
            return;
        }
        long from = considered;
        long[] next = {considered + 1};
        reader.range(connection, from, through, event -> {
            for (long missing = next[0]; missing < event.globalIndex(); missing++) {
                pending.add(missing);
            }
            next[0] = event.globalIndex() + 1;
            if (live.covers(event.globalIndex(), projection.sequenceIdentifier(event))) {
                apply(event);
            } else {
                pending.add(event.globalIndex());
            }
            if (reportProgress && applied % 20_000 == 0) {
                progress.report("FOLDING", event.globalIndex(), through, applied);
            }
        });
        for (long missing = next[0]; missing <= through; missing++) {
            pending.add(missing);
        }
        considered = through;
        pending.headSet(considered - MAX_GAP_OFFSET).clear();
    }

    /**
     * When the rebuilt read model differs from the live one, which rows: at most a few per table and
     * side, for whoever has to find out why. In a savepoint, so a failing look never spoils the swap.
     */
    private void logDifferences(Connection connection) {
        Savepoint savepoint = null;
        try (Statement statement = connection.createStatement()) {
            savepoint = connection.setSavepoint();
            for (String table : projection.tables()) {
                String shadow = ShadowTables.shadow(table);
                logRows(statement, "only live", "SELECT t::text FROM (SELECT * FROM " + table + " EXCEPT ALL SELECT * FROM "
                        + shadow + ") t LIMIT 10", table);
                logRows(statement, "only rebuilt", "SELECT t::text FROM (SELECT * FROM " + shadow + " EXCEPT ALL SELECT * FROM "
                        + table + ") t LIMIT 10", table);
            }
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            log.warn("Projection {}: could not list the differing rows ({})", projection.name(), e.getMessage());
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException ignored) {
                    // the swap that follows fails on the same connection and says why
                }
            }
        }
    }

    private void logRows(Statement statement, String side, String sql, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                log.warn("Projection {}: {} row {} in {}", projection.name(), side, rows.getString(1), table);
            }
        }
    }

    /** CPU time of this thread, which folds: on a busy machine, a truer measure of the fold's cost than the clock. */
    private static long cpuTime() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private void apply(StoredEvent event) {
        fold.apply(event);
        applied++;
    }

    private void checkNotReset(LiveTokens live) {
        Map<Integer, Long> now = live.positions();
        if (!now.keySet().equals(lastSeen.keySet())) {
            throw new RebuildException("The processor " + projection.name() + " was split or merged during the rebuild "
                                       + lastSeen.keySet() + " -> " + now.keySet() + "; start it again");
        }
        now.forEach((segment, position) -> {
            if (position < lastSeen.get(segment)) {
                throw new RebuildException("The processor " + projection.name() + " was reset during the rebuild; start it again");
            }
        });
        lastSeen = now;
    }
}
