package hotel.booking.query.replay;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One table of a read model as a fold holds it in memory: its columns, the column whose value
 * groups its rows (a row's key, or the key of a group of rows, as the nights of one reservation),
 * every row, the rows of one key, and which keys changed since the rows were last written out.
 *
 * @param <K> the key's type
 */
public final class FoldedTable<K> {

    private final String table;
    private final List<String> columns;
    private final String keyColumn;
    private final String keyType;
    private final Consumer<Consumer<Object[]>> allRows;
    private final Function<K, Stream<Object[]>> rowsOf;
    private final Set<K> changed = new HashSet<>();

    /**
     * @param keyType the SQL type of the key column, for {@code = ANY(?::type[])}
     */
    public FoldedTable(String table, List<String> columns, String keyColumn, String keyType,
                       Consumer<Consumer<Object[]>> allRows, Function<K, Stream<Object[]>> rowsOf) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumn = keyColumn;
        this.keyType = keyType;
        this.allRows = allRows;
        this.rowsOf = rowsOf;
    }

    public void changed(K key) {
        changed.add(key);
    }

    String table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    String keyColumn() {
        return keyColumn;
    }

    String keyType() {
        return keyType;
    }

    void forEachRow(Consumer<Object[]> sink) {
        allRows.accept(sink);
    }

    /** The keys changed since the last call, forgotten as they are handed out. */
    Collection<K> takeChanged() {
        List<K> keys = List.copyOf(changed);
        changed.clear();
        return keys;
    }

    Stream<Object[]> rowsOf(K key) {
        return rowsOf.apply(key);
    }

    int changedCount() {
        return changed.size();
    }
}
