package hotel.booking.command.room;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoomCacheTest {

    @Test
    void roomsStayThroughGarbageCollectionsUntilTheBoundPushesTheLeastUsedOut() {
        RoomCache cache = new RoomCache(2);
        cache.put("101", new Object());
        cache.put("102", new Object());

        System.gc();

        assertThat(cache.containsKey("101")).as("no strong reference held outside the cache").isTrue();
        assertThat(cache.<String, Object>get("101")).isNotNull();
        cache.put("103", new Object());
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("103")).isTrue();
    }

    @Test
    void listenersHearOfEveryChange() {
        RoomCache cache = new RoomCache(10);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("101", "a");
        cache.put("101", "b");
        assertThat(cache.putIfAbsent("101", "c")).isFalse();
        assertThat(cache.<String>computeIfAbsent("102", () -> "d")).isEqualTo("d");
        cache.computeIfPresent("102", (String value) -> value + "!");
        assertThat(cache.remove("101")).isTrue();
        assertThat(cache.remove("101")).isFalse();

        assertThat(cache.<String, String>get("102")).isEqualTo("d!");
        assertThat(heard).containsExactly("created 101", "updated 101", "created 102", "removed 101");
    }
}
