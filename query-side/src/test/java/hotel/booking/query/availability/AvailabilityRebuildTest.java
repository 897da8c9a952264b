package hotel.booking.query.availability;

import hotel.booking.api.BlockLifted;
import hotel.booking.api.Guest;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.api.StayChanged;
import hotel.booking.api.StayMovedIn;
import hotel.booking.query.replay.EventHistory;
import hotel.booking.query.replay.ProjectionFold;
import hotel.booking.query.replay.ProjectionRebuilds;
import hotel.booking.query.replay.RebuildableProjection;
import hotel.booking.query.replay.ProjectionStatus;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rebuilding availability beside the live read model on a real PostgreSQL: the live model is built
 * the way the processor builds it (the projection on the JDBC store, event by event) and its token
 * says how far it got; the rebuild must end with exactly what the token covers, swapped in.
 */
class AvailabilityRebuildTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");
    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00.123456Z");

    private DataSource dataSource;
    private JdbcClient jdbc;
    private EventHistory history;
    private AvailabilityProjection live;
    private ProjectionRebuilds rebuilds;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    @BeforeEach
    void database() {
        PGSimpleDataSource database = (PGSimpleDataSource) TestPostgres.migratedDataSource();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.getURL());
        pool.setUsername(database.getUser());
        pool.setMaximumPoolSize(6);
        pools.add(pool);
        dataSource = pool;
        jdbc = JdbcClient.create(dataSource);
        history = new EventHistory(dataSource);
        live = new AvailabilityProjection(new JdbcAvailabilityStore(jdbc), new ChangeFeed(jdbc));
        rebuilds = new ProjectionRebuilds(List.of(new AvailabilityRebuild()), dataSource, history.serializer(),
                Duration.ofSeconds(10));
    }

    /**
     * Rooms, then nights taken one after another per room: stays booked, holds (confirmed, expired or
     * cancelled) and blocks out of service (some lifted), some stays released; rooms interleaved.
     */
    static List<EventHistory.Event> generate(int rooms, int events, long seed) {
        Random random = new Random(seed);
        List<EventHistory.Event> out = new ArrayList<>(events);
        Map<String, Long> sequence = new HashMap<>();
        Map<String, LocalDate> next = new HashMap<>();
        Map<String, List<Object>> held = new HashMap<>();
        for (int r = 0; r < rooms && out.size() < events; r++) {
            String room = "A" + r;
            out.add(new EventHistory.Event(room, 0, new RoomRegistered(room, RoomType.values()[r % RoomType.values().length],
                    1 + r % 4, new BigDecimal("80.00").add(BigDecimal.valueOf(r))), T0.plusMillis(out.size())));
            sequence.put(room, 1L);
            next.put(room, D1);
            held.put(room, new ArrayList<>());
        }
        while (out.size() < events) {
            String room = "A" + random.nextInt(rooms);
            List<Object> active = held.get(room);
            Instant at = T0.plusMillis(out.size()).plusNanos(1_000L * random.nextInt(1000));
            Object payload;
            if (!active.isEmpty() && random.nextInt(3) == 0) {
                Object taken = active.remove(random.nextInt(active.size()));
                if (taken instanceof RoomReserved reserved) {
                    payload = new RoomReleased(room, reserved.reservationId(), reserved.stay(),
                            random.nextBoolean() ? ReleaseReason.CANCELLED_BY_GUEST : ReleaseReason.CANCELLED_BY_STAFF);
                } else if (taken instanceof RoomHeld hold) {
                    int fate = random.nextInt(3);
                    if (fate == 0) {
                        payload = new HoldConfirmed(room, hold.reservationId(), hold.stay(), hold.totalPrice());
                        // a confirmed hold is a stay like any other: it may be cancelled later
                        active.add(new RoomReserved(room, hold.reservationId(), hold.stay(), hold.totalPrice(), hold.guest()));
                    } else {
                        payload = new RoomReleased(room, hold.reservationId(), hold.stay(),
                                fate == 1 ? ReleaseReason.HOLD_EXPIRED : ReleaseReason.CANCELLED_BY_GUEST);
                    }
                } else {
                    NightsBlocked block = (NightsBlocked) taken;
                    payload = new BlockLifted(room, block.blockId(), block.nights());
                }
            } else {
                LocalDate checkIn = next.get(room).plusDays(random.nextInt(3));
                Stay stay = new Stay(checkIn, checkIn.plusDays(1 + random.nextInt(6)));
                next.put(room, stay.checkOut());
                BigDecimal price = new BigDecimal("99.99").multiply(BigDecimal.valueOf(stay.nights()));
                Guest guest = new Guest("Ada", "ada@example.com");
                int kind = random.nextInt(6);
                if (kind == 0) {
                    payload = new RoomHeld(room, UUID.randomUUID(), stay, price, at.plusSeconds(600), guest);
                } else if (kind == 1) {
                    payload = new NightsBlocked(room, UUID.randomUUID(), stay, "repainting");
                } else {
                    payload = new RoomReserved(room, UUID.randomUUID(), stay, price, guest);
                }
                active.add(payload);
            }
            long seq = sequence.merge(room, 1L, Long::sum) - 1;
            out.add(new EventHistory.Event(room, seq, payload, at));
        }
        return out;
    }

    private void applyLive(EventHistory.Event event, long position) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
        if (event.payload() instanceof RoomRegistered registered) {
            live.on(registered, token);
        } else if (event.payload() instanceof RoomReserved reserved) {
            live.on(reserved, token);
        } else if (event.payload() instanceof RoomReleased released) {
            live.on(released, token);
        } else if (event.payload() instanceof RoomHeld held) {
            live.on(held, token);
        } else if (event.payload() instanceof NightsBlocked blocked) {
            live.on(blocked, token);
        } else if (event.payload() instanceof BlockLifted lifted) {
            live.on(lifted, token);
        } else if (event.payload() instanceof StayChanged changed) {
            live.on(changed, token);
        } else if (event.payload() instanceof StayMovedIn movedIn) {
            live.on(movedIn, token);
        } else if (!(event.payload() instanceof HoldConfirmed)) {
            throw new AssertionError("Not an availability event: " + event.payload());
        }
    }

    private ProjectionRebuilds.Outcome rebuild() throws Exception {
        return rebuilds.start("availability").get(120, TimeUnit.SECONDS);
    }

    private List<RoomAvailability> picture() {
        return new AvailabilityReader(jdbc).read(new AvailabilityQuery(D1, D1.plusDays(120), null, null));
    }

    @Test
    void theRebuiltReadModelIsIdenticalAndTakesTheLiveOnesPlaceUnderItsNames() throws Exception {
        List<EventHistory.Event> events = generate(12, 3_000, 1);
        assertThat(events).extracting(event -> event.payload().getClass().getSimpleName()).contains("RoomRegistered",
                "RoomReserved", "RoomReleased", "RoomHeld", "HoldConfirmed", "NightsBlocked", "BlockLifted");
        history.append(EventHistory.consecutive(1, events.size()), events);
        for (int i = 0; i < events.size(); i++) {
            applyLive(events.get(i), i + 1);
        }
        history.token("availability", 0, events.size(), new TreeSet<>());
        String checksum = rebuilds.checksum("availability");
        List<RoomAvailability> before = picture();
        assertThat(jdbc.sql("SELECT count(*) FROM availability_stay WHERE out_of_service").query(Long.class).single())
                .isPositive();
        List<String> indexes = jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'availability_%' ORDER BY 1")
                                   .query(String.class).list();

        ProjectionRebuilds.Outcome outcome = rebuild();

        assertThat(outcome.events()).isEqualTo(events.size());
        assertThat(outcome.checksumBefore()).isEqualTo(checksum);
        assertThat(outcome.checksumAfter()).isEqualTo(checksum);
        assertThat(rebuilds.checksum("availability")).isEqualTo(checksum);
        assertThat(picture()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'availability_%' ORDER BY 1")
                       .query(String.class).list()).isEqualTo(indexes);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE right(tablename, 8) = '_rebuild' AND tablename <> 'projection_rebuild'").query(Long.class).single())
                .isZero();
        ProjectionStatus status = rebuilds.status("availability").orElseThrow();
        assertThat(status.replaying()).isFalse();
        assertThat(status.progress()).isEqualTo(100);
        assertThat(status.position()).isEqualTo(events.size());
        assertThat(status.head()).isEqualTo(events.size());
        assertThat(status.lag()).isZero();
        assertThat(status.checksum()).isEqualTo(checksum);
        assertThat(status.rebuild().state()).isEqualTo("DONE");
        assertThat(status.rebuild().identical()).isTrue();
        // the live projection goes on writing into the new tables
        UUID after = UUID.randomUUID();
        live.on(new RoomReserved("A1", after, new Stay(D1.plusDays(5000), D1.plusDays(5001)), BigDecimal.TEN,
                new Guest("Bo", "bo@example.com")), new GlobalSequenceTrackingToken(events.size() + 1));
        assertThat(jdbc.sql("SELECT count(*) FROM availability_stay WHERE reservation_id = ?").param(after)
                       .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void holdsBlocksNewDatesAndMovesAreRebuiltAsTheLiveModelHasThem() throws Exception {
        Guest ada = new Guest("Ada", "ada@example.com");
        UUID booked = UUID.randomUUID(), held = UUID.randomUUID(), block = UUID.randomUUID(),
                moved = UUID.randomUUID(), moving = UUID.randomUUID(), lifted = UUID.randomUUID();
        Stay first = new Stay(D1, D1.plusDays(3));
        Stay later = new Stay(D1.plusDays(2), D1.plusDays(6));
        Stay blocked = new Stay(D1.plusDays(10), D1.plusDays(12));
        List<Object> payloads = List.of(
                new RoomRegistered("A0", RoomType.DOUBLE, 2, BigDecimal.TEN),
                new RoomRegistered("A1", RoomType.DOUBLE, 2, BigDecimal.TEN),
                new RoomReserved("A0", booked, first, BigDecimal.TEN, ada),
                new StayChanged("A0", booked, first, later, BigDecimal.TEN, null, null),
                new RoomHeld("A1", held, first, BigDecimal.TEN, T0.plusSeconds(600), ada),
                new NightsBlocked("A0", block, blocked, "paint"),
                new NightsBlocked("A1", lifted, blocked, "paint"),
                new BlockLifted("A1", lifted, blocked),
                new RoomReserved("A0", moved, new Stay(D1.plusDays(20), D1.plusDays(22)), BigDecimal.TEN, ada),
                new StayMovedIn("A1", moved, new Stay(D1.plusDays(20), D1.plusDays(22)), BigDecimal.TEN, null, null,
                        "A0", UUID.randomUUID(), null),
                new RoomReleased("A0", moved, new Stay(D1.plusDays(20), D1.plusDays(22)), ReleaseReason.MOVED),
                new RoomReserved("A0", moving, new Stay(D1.plusDays(30), D1.plusDays(31)), BigDecimal.TEN, ada),
                new StayMovedIn("A1", moving, new Stay(D1.plusDays(30), D1.plusDays(31)), BigDecimal.TEN, null, null,
                        "A0", UUID.randomUUID(), null));
        List<EventHistory.Event> events = new ArrayList<>();
        Map<String, Long> sequence = new HashMap<>();
        for (Object payload : payloads) {
            String room = payload.getClass().getMethod("roomNumber").invoke(payload).toString();
            events.add(new EventHistory.Event(room, sequence.merge(room, 1L, Long::sum) - 1, payload,
                    T0.plusMillis(events.size())));
        }
        history.append(EventHistory.consecutive(1, events.size()), events);
        for (int i = 0; i < events.size(); i++) {
            applyLive(events.get(i), i + 1);
        }
        history.token("availability", 0, events.size(), new TreeSet<>());
        String checksum = rebuilds.checksum("availability");
        List<RoomAvailability> before = picture();

        ProjectionRebuilds.Outcome outcome = rebuild();

        assertThat(outcome.checksumAfter()).isEqualTo(checksum).isEqualTo(outcome.checksumBefore());
        assertThat(picture()).isEqualTo(before);
        // the reservation moving holds its nights in both rooms; the block is kept as out of service
        assertThat(jdbc.sql("SELECT count(*) FROM availability_stay WHERE reservation_id = ?").param(moving)
                       .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT out_of_service FROM availability_stay WHERE reservation_id = ?").param(block)
                       .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT check_in FROM availability_stay WHERE reservation_id = ?").param(booked)
                       .query(LocalDate.class).single()).isEqualTo(later.checkIn());
    }

    @Test
    void onlyWhatTheLiveTokenCoversGoesIntoTheNewReadModelAndTheProcessorCarriesOnFromItsToken() throws Exception {
        List<EventHistory.Event> events = generate(8, 2_000, 2);
        // positions 1..1800 are stored but one (a release: nothing later depends on it) is not committed yet,
        // so the processor has a gap there
        int late = 1_000;
        while (!(events.get(late - 1).payload() instanceof RoomReleased)) {
            late++;
        }
        List<Long> positions = new ArrayList<>();
        List<EventHistory.Event> stored = new ArrayList<>();
        for (int i = 0; i < 1_800; i++) {
            if (i + 1 != late) {
                positions.add(i + 1L);
                stored.add(events.get(i));
                applyLive(events.get(i), i + 1);
            }
        }
        history.append(positions, stored);
        history.token("availability", 0, 1_800, new TreeSet<>(List.of((long) late)));
        // then it commits late, and 1801..2000 are appended: the processor has applied none of them
        history.append(List.of((long) late), List.of(events.get(late - 1)));
        history.append(EventHistory.consecutive(1_801, 200), events.subList(1_800, 2_000));
        String live = rebuilds.checksum("availability");

        ProjectionRebuilds.Outcome outcome = rebuild();

        assertThat(outcome.checksumBefore()).isEqualTo(live);
        assertThat(outcome.checksumAfter()).isEqualTo(live);
        assertThat(outcome.events()).isEqualTo(1_799);

        // the processor carries on from its token: the late event, then the rest
        applyLive(events.get(late - 1), late);
        for (int i = 1_800; i < 2_000; i++) {
            applyLive(events.get(i), i + 1);
        }
        history.token("availability", 0, 2_000, new TreeSet<>());
        String caughtUp = rebuilds.checksum("availability");
        ProjectionRebuilds.Outcome fresh = rebuild();
        assertThat(fresh.events()).isEqualTo(2_000);
        assertThat(fresh.checksumAfter()).isEqualTo(caughtUp).isEqualTo(fresh.checksumBefore());
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aReadModelThatStrayedFromTheEventsIsPutRightAndTheChecksumsSaySo(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        List<EventHistory.Event> events = generate(6, 1_000, 3);
        history.append(EventHistory.consecutive(1, events.size()), events);
        for (int i = 0; i < events.size(); i++) {
            applyLive(events.get(i), i + 1);
        }
        history.token("availability", 0, events.size(), new TreeSet<>());
        String right = rebuilds.checksum("availability");
        jdbc.sql("DELETE FROM availability_stay WHERE reservation_id = (SELECT min(reservation_id::text)::uuid FROM availability_stay)")
            .update();
        String wrong = rebuilds.checksum("availability");
        assertThat(wrong).isNotEqualTo(right);

        ProjectionRebuilds.Outcome outcome = rebuild();

        assertThat(outcome.checksumBefore()).isEqualTo(wrong);
        assertThat(outcome.checksumAfter()).isEqualTo(right);
        assertThat(rebuilds.checksum("availability")).isEqualTo(right);
        assertThat(rebuilds.status("availability").orElseThrow().rebuild().identical()).isFalse();
        // the row the live table had lost is named, so whoever looks can tell why they differed
        assertThat(output.getAll()).contains("Projection availability: only rebuilt row (")
                                   .doesNotContain("could not list the differing rows");
    }

    @Test
    void aFoldThatMissesAnEventTheLiveProjectionHandlesIsRefusedRatherThanSwappedIn() {
        AvailabilityRebuild complete = new AvailabilityRebuild();
        assertThat(RebuildableProjection.missedEvents(complete)).isEmpty();
        RebuildableProjection forgetful = new RebuildableProjection() {
            public String name() {
                return complete.name();
            }

            public List<String> tables() {
                return complete.tables();
            }

            public ProjectionFold newFold() {
                return complete.newFold();
            }

            public Class<?> liveProjection() {
                return complete.liveProjection();
            }

            public Set<Class<?>> foldedEvents() {
                return Set.of(RoomRegistered.class, RoomReserved.class, RoomReleased.class, RoomHeld.class,
                        StayChanged.class, StayMovedIn.class);
            }
        };
        history.token("availability", 0, 0, new TreeSet<>());
        ProjectionRebuilds refusing = new ProjectionRebuilds(List.of(forgetful), dataSource, history.serializer(),
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> refusing.start("availability")).isInstanceOf(ProjectionRebuilds.IncompleteFold.class)
                .hasMessageContaining("[BlockLifted, NightsBlocked]");
        assertThat(refusing.replaying("availability")).isFalse();
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneRunsAnywhere() throws Exception {
        history.token("availability", 0, 0, new TreeSet<>());
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.createStatement().execute("SELECT pg_advisory_lock(" + ProjectionRebuilds.LOCK_SPACE + ", 1)");
            assertThat(rebuilds.replaying("availability")).isTrue();
            assertThatThrownBy(() -> rebuilds.start("availability")).isInstanceOf(ProjectionRebuilds.AlreadyRunning.class);
            otherNode.createStatement().execute("SELECT pg_advisory_unlock(" + ProjectionRebuilds.LOCK_SPACE + ", 1)");
        }
        assertThat(rebuilds.replaying("availability")).isFalse();
        assertThat(rebuild().events()).isZero();
    }

    /**
     * The rebuild rate on a seeded history (written straight into the event table); run with
     * {@code -Dhotel.bench.rebuild-events=120000}. Prints the figure; asserts only the outcome.
     */
    @Test
    @EnabledIfSystemProperty(named = "hotel.bench.rebuild-events", matches = "\\d+")
    void rebuildRate() throws Exception {
        int count = Integer.getInteger("hotel.bench.rebuild-events");
        List<EventHistory.Event> events = generate(200, count, 4);
        history.append(EventHistory.consecutive(1, events.size()), events);
        history.token("availability", 0, events.size(), new TreeSet<>());

        long started = System.nanoTime();
        ProjectionRebuilds.Outcome outcome = rebuild();
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("%nRebuild of availability: %d events in %.2f s = %.0f events/s end to end "
                          + "(fold alone: %d events in %d ms = %.0f events/s; %d ms of the folding thread's CPU = %.0f events "
                          + "per CPU second)%n%n", outcome.events(), seconds,
                outcome.events() / seconds, outcome.foldedEvents(), outcome.foldTime().toMillis(),
                outcome.foldedEvents() / Math.max(outcome.foldTime().toMillis() / 1000.0, 1e-3),
                outcome.foldCpuTime().toMillis(),
                outcome.foldedEvents() / Math.max(outcome.foldCpuTime().toMillis() / 1000.0, 1e-3));
        assertThat(outcome.events()).isEqualTo(count);
        assertThat(rebuilds.status("availability").orElseThrow().rebuild().state()).isEqualTo("DONE");
    }
}
