package hotel.booking.command.room;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache for rooms: at most {@code maxRooms} rooms, the least recently used leaving
 * first, held by strong references. Axon's {@code WeakReferenceCache} loses a room at the next
 * garbage collection once no command holds it, which under load is between any two bookings of
 * the same room: a third of a booking's CPU went into loading rooms again (their snapshot and the
 * events after it, each guest opened with its key), see docs/performance.md.
 */
final class RoomCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> rooms;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    RoomCache(long maxRooms) {
        this.rooms = Caffeine.newBuilder()
                .maximumSize(maxRooms)
                .executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) rooms.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        boolean replaced = rooms.asMap().put(key, value) != null;
        listeners.forEach(listener -> {
            if (replaced) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = rooms.asMap().putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) rooms.get(key, absent -> {
            T value = valueSupplier.get();
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
            return value;
        });
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = rooms.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        rooms.asMap().keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return rooms.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        rooms.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Rooms held now (eviction is done as entries come in, so this never stays above the bound). */
    long size() {
        rooms.cleanUp();
        return rooms.estimatedSize();
    }
}
