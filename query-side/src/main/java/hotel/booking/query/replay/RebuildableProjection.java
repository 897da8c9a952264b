package hotel.booking.query.replay;

import java.util.List;

/**
 * A projection that can be rebuilt beside its live read model: its name (the one analysts use, also
 * its processing group and so its streaming processor's name in {@code token_entry}), the tables of
 * its read model, and a fresh fold of its logic into memory.
 */
public interface RebuildableProjection {

    String name();

    /** The live read model's tables; a rebuild replaces all of them at once. */
    List<String> tables();

    ProjectionFold newFold();
}
