package hotel.booking.query.replay;

import java.util.List;

/**
 * A projection's logic folding stored events into memory, with no Axon processor, unit of work or
 * handler time limit in between, and the rows that result, table by table.
 */
public interface ProjectionFold {

    void apply(StoredEvent event);

    /** The read model's tables, in the order of {@link RebuildableProjection#tables()}. */
    List<FoldedTable<?>> tables();
}
