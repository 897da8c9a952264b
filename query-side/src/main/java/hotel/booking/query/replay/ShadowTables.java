package hotel.booking.query.replay;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new generation of a read model, built beside the live one: a shadow table per live table
 * ({@code <table>_rebuild}) with the same columns, defaults and checks, filled with COPY, given the
 * live table's keys and indexes once filled, and swapped in by renames in the caller's transaction.
 * Names come only from the projections' own definitions, never from a request.
 */
final class ShadowTables {

    static final String SUFFIX = "_rebuild";
    private static final String PREFIX = "rb_";
    private static final Pattern INDEX_DEFINITION =
            Pattern.compile("^CREATE (UNIQUE )?INDEX (\\S+) ON (?:ONLY )?(\\S+) (USING .*)$");
    private static final int COPY_BUFFER = 1 << 16;

    private final List<String> tables;

    ShadowTables(List<String> tables) {
        this.tables = List.copyOf(tables);
    }

    static String shadow(String table) {
        return table + SUFFIX;
    }

    /** Drops what a rebuild that died left behind and makes empty shadows, without keys or indexes yet. */
    void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + shadow(table));
                statement.execute("CREATE TABLE " + shadow(table) + " (LIKE " + table
                                  + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING STORAGE)");
            }
        }
    }

    void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + shadow(table));
            }
        }
    }

    /** The live tables' keys and indexes on the shadows, under names of their own until the swap. */
    void index(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                for (String[] constraint : constraints(connection, table)) {
                    statement.execute("ALTER TABLE " + shadow(table) + " ADD CONSTRAINT " + PREFIX + constraint[0] + " "
                                      + constraint[1]);
                }
                for (String[] index : indexes(connection, table)) {
                    Matcher definition = INDEX_DEFINITION.matcher(index[1]);
                    if (!definition.matches()) {
                        throw new IllegalStateException("Cannot copy the index " + index[0] + ": " + index[1]);
                    }
                    statement.execute("CREATE " + (definition.group(1) == null ? "" : definition.group(1)) + "INDEX "
                                      + PREFIX + index[0] + " ON " + shadow(table) + " " + definition.group(4));
                }
                statement.execute("ANALYZE " + shadow(table));
            }
        }
    }

    /**
     * Puts the shadows in the live tables' place, keys and indexes under their old names. The caller
     * holds the live tables locked and commits or rolls back.
     */
    void swap(Connection connection) throws SQLException {
        List<List<String[]>> constraints = new ArrayList<>();
        List<List<String[]>> indexes = new ArrayList<>();
        for (String table : tables) {
            constraints.add(constraints(connection, table));
            indexes.add(indexes(connection, table));
        }
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < tables.size(); i++) {
                String table = tables.get(i);
                statement.execute("DROP TABLE " + table);
                statement.execute("ALTER TABLE " + shadow(table) + " RENAME TO " + table);
                for (String[] constraint : constraints.get(i)) {
                    statement.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + PREFIX + constraint[0] + " TO "
                                      + constraint[0]);
                }
                for (String[] index : indexes.get(i)) {
                    statement.execute("ALTER INDEX " + PREFIX + index[0] + " RENAME TO " + index[0]);
                }
            }
        }
    }

    /** Every row of every table, with COPY. */
    static void writeAll(Connection connection, List<FoldedTable<?>> folded) throws SQLException {
        for (FoldedTable<?> table : folded) {
            try (CopyWriter copy = new CopyWriter(connection, shadow(table.table()), table.columns())) {
                table.forEachRow(copy::row);
            }
        }
    }

    /** The rows of what changed since the last write: deleted by key, then written again as they are now. */
    static int writeChanges(Connection connection, List<FoldedTable<?>> folded) throws SQLException {
        int keys = 0;
        for (FoldedTable<?> table : folded) {
            keys += writeChanges(connection, table);
        }
        return keys;
    }

    private static <K> int writeChanges(Connection connection, FoldedTable<K> table) throws SQLException {
        Collection<K> changed = table.takeChanged();
        if (changed.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + shadow(table.table()) + " WHERE "
                + table.keyColumn() + " = ANY(?::" + table.keyType() + "[])")) {
            Array keys = connection.createArrayOf("text", changed.stream().map(String::valueOf).toArray());
            delete.setArray(1, keys);
            delete.executeUpdate();
        }
        try (CopyWriter copy = new CopyWriter(connection, shadow(table.table()), table.columns())) {
            for (K key : changed) {
                table.rowsOf(key).forEach(copy::row);
            }
        }
        return changed.size();
    }

    /**
     * A digest of every row of the tables, whatever their physical order: md5 of the sorted md5s of
     * the rows' text, per table, then of those. Equal read models give equal checksums.
     */
    static String checksum(Connection connection, List<String> tables) throws SQLException {
        MessageDigest digest = md5();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*), coalesce(md5(string_agg(r, '' ORDER BY r)), '')"
                         + " FROM (SELECT md5(t::text) AS r FROM " + table + " t) rows")) {
                rs.next();
                digest.update((rs.getLong(1) + ":" + rs.getString(2) + ";").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String[]> constraints(Connection connection, String table) throws SQLException {
        return pairs(connection, """
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname
                """, table);
    }

    private static List<String[]> indexes(Connection connection, String table) throws SQLException {
        return pairs(connection, """
                SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = ?::regclass
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
                ORDER BY i.relname
                """, table);
    }

    private static List<String[]> pairs(Connection connection, String sql, String table) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        return pairs;
    }

    /** Rows to a table in COPY's text format, in buffers of 64 KiB. */
    static final class CopyWriter implements AutoCloseable {

        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(COPY_BUFFER + 1024);
        private long rows;

        CopyWriter(Connection connection, String table, List<String> columns) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                                  .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        }

        void row(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                value(values[i]);
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() >= COPY_BUFFER) {
                flush();
            }
        }

        private void value(Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof BigDecimal decimal) {
                buffer.append(decimal.toPlainString());
            } else if (value instanceof Instant instant) {
                buffer.append(Timestamps.micros(instant));
            } else if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID
                       || value instanceof java.time.LocalDate) {
                buffer.append(value);
            } else {
                escape(value.toString());
            }
        }

        private void escape(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed", e);
            }
            buffer.setLength(0);
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
