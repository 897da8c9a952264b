package hotel.booking.app;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.api.BlockLifted;
import hotel.booking.api.Guest;
import hotel.booking.api.HoldConfirmed;
import hotel.booking.api.NightsBlocked;
import hotel.booking.api.RoomHeld;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.query.replay.ProjectionRebuilds;
import hotel.booking.testsupport.FreshPostgres;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding projections while guests book: every rebuild ends identical to the read model it
 * replaces, the live stream has no hole, and after it all the read models are what a query node
 * that never rebuilt anything makes of the same events, and what a fresh fold makes of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=false", "hotel.rate-limit.bookings.enabled=false",
                "hotel.security.staff-password=rebuild-staff", "hotel.security.analyst-password=rebuild-analyst",
                "hotel.security.auditor-password=rebuild-auditor"})
@FreshPostgres
@DirtiesContext
class ProjectionRebuildTest {

    private static final List<String> PROJECTIONS = List.of("availability", "reservations", "rooms", "reports");
    private static final int SEEDED_ROOMS = 20;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    Serializer serializer;
    @Autowired
    ProjectionRebuilds rebuilds;
    @Autowired
    List<hotel.booking.query.replay.RebuildableProjection> rebuildable;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    private HotelClient analyst() {
        return new HotelClient(port).as("analyst", "rebuild-analyst");
    }

    @Test
    void rebuildsUnderConcurrentBookingsEndIdenticalToANeverRebuiltReadModelWithNoHoleInTheLiveStream() throws Exception {
        // every event a live projection handles is folded by its rebuild, or the rebuild would be refused
        assertThat(rebuildable).extracting(hotel.booking.query.replay.RebuildableProjection::name)
                               .containsExactlyInAnyOrderElementsOf(PROJECTIONS);
        assertThat(rebuildable).allSatisfy(projection ->
                assertThat(hotel.booking.query.replay.RebuildableProjection.missedEvents(projection)).as(projection.name()).isEmpty());
        HotelClient staff = new HotelClient(port).as("staff", "rebuild-staff");
        // and each rebuild places events in the live processor's segments as its sequencing policy does
        theRebuildsSequenceEventsAsTheLiveProcessorsDo(staff, LocalDate.now(ZoneOffset.UTC));
        for (int room = 1; room <= 6; room++) {
            assertThat(staff.registerRoom("90" + room, "DOUBLE", 2, "120.00").status()).isEqualTo(201);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        seedHistory(today, 4_000);
        // a guest erased after two bookings and before a third: the reservations rebuild must erase the same ones
        HotelClient grace = new HotelClient(port);
        for (int stay = 0; stay < 3; stay++) {
            if (stay == 2) {
                assertThat(staff.delete("/api/guests?email=grace@example.com").status()).isEqualTo(204);
            }
            LocalDate checkIn = today.plusDays(300 + 3 * stay);
            assertThat(grace.post("/api/reservations", """
                    {"roomNumber":"901","checkIn":"%s","checkOut":"%s","guestName":"Grace Hopper",
                     "guestEmail":"grace@example.com"}""".formatted(checkIn, checkIn.plusDays(2))).status()).isEqualTo(201);
        }
        awaitCaughtUp(Duration.ofMinutes(4));
        assertThat(jdbc().queryForList("SELECT guest_erased FROM reservation_view WHERE room_number = '901' AND check_in >= ? ORDER BY check_in",
                Boolean.class, today.plusDays(300))).containsExactly(true, true, false);
        Map<String, Object> seeded = seededReadModels(today);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM availability_stay WHERE out_of_service", Long.class)).isPositive();
        assertThat(jdbc().queryForList("SELECT DISTINCT status FROM reservation_view WHERE room_number LIKE 'H%'", String.class))
                .containsExactlyInAnyOrder("CONFIRMED", "HELD", "CANCELLED");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM report_reservation WHERE release_reason = 'HOLD_EXPIRED'",
                Long.class)).as("an expired hold was never sold").isZero();

        LocalDate from = today;
        LocalDate to = today.plusDays(366);
        try (SseClient stream = SseClient.connect("http://localhost:" + port + "/api/availability/stream?from=" + from
                                                  + "&to=" + to)) {
            SseClient.Event snapshot = stream.next("snapshot", Duration.ofSeconds(30));
            Map<String, boolean[]> picture = picture(snapshot.data(), from);

            AtomicBoolean booking = new AtomicBoolean(true);
            AtomicInteger booked = new AtomicInteger();
            AtomicInteger cancelled = new AtomicInteger();
            AtomicInteger duringRebuilds = new AtomicInteger();
            AtomicBoolean rebuilding = new AtomicBoolean();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService guests = Executors.newFixedThreadPool(4);
            for (int guest = 0; guest < 4; guest++) {
                int seed = guest;
                guests.execute(() -> book(seed, today, booking, booked, cancelled, duringRebuilds, rebuilding, unexpected));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> booked.get() >= 10);
                for (String name : PROJECTIONS) {
                    rebuilding.set(true);
                    int bookedBefore = booked.get() + cancelled.get();
                    HotelClient.Response started = analyst().post("/api/admin/projections/" + name + "/replay", "");
                    assertThat(started.status()).isEqualTo(202);
                    assertThat(started.header("Location")).isEqualTo("/api/admin/projections/" + name);
                    JsonNode done = awaitRebuilt(name, Duration.ofMinutes(3));
                    rebuilding.set(false);
                    assertThat(done.at("/rebuild/identical").asBoolean())
                            .as("%s: checksum before %s, after %s", name, done.at("/rebuild/checksumBefore").asText(),
                                    done.at("/rebuild/checksumAfter").asText())
                            .isTrue();
                    assertThat(done.at("/rebuild/events").asLong()).isGreaterThan(0);
                    assertThat(done.path("progress").asInt()).isEqualTo(100);
                    System.out.printf("Rebuilt %s: %d events, %s events/s, checksum %s; %d bookings and cancels meanwhile%n",
                            name, done.at("/rebuild/events").asLong(), done.at("/rebuild/eventsPerSecond").asText(),
                            done.at("/rebuild/checksumAfter").asText(), booked.get() + cancelled.get() - bookedBefore);
                }
            } finally {
                booking.set(false);
                guests.shutdown();
                assertThat(guests.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            }
            assertThat(unexpected).isEmpty();
            assertThat(seededReadModels(today)).isEqualTo(seeded);
            assertThat(duringRebuilds.get()).as("bookings answered while a rebuild ran").isGreaterThan(0);
            awaitCaughtUp(Duration.ofMinutes(2));

            // the live stream: consecutive ids from the snapshot on, ending with the read model's picture
            long position = snapshot.idAsLong();
            long last = jdbc().queryForObject("SELECT max(id) FROM availability_change", Long.class);
            List<SseClient.Event> changes = new ArrayList<>();
            while (position < last) {
                SseClient.Event change = stream.next(Duration.ofSeconds(30));
                assertThat(change.idAsLong()).as("the change after %d", position).isEqualTo(position + 1);
                position = change.idAsLong();
                changes.add(change);
            }
            for (SseClient.Event change : changes) {
                if (change.name().equals("availability")) {
                    boolean[] nights = picture.get(change.data().path("roomNumber").asText());
                    LocalDate night = LocalDate.parse(change.data().path("from").asText());
                    LocalDate end = LocalDate.parse(change.data().path("to").asText());
                    for (; night.isBefore(end); night = night.plusDays(1)) {
                        if (!night.isBefore(from) && night.isBefore(to)) {
                            nights[(int) (night.toEpochDay() - from.toEpochDay())] = change.data().path("available").asBoolean();
                        }
                    }
                }
            }
            JsonNode now = new HotelClient(port).get("/api/availability?from=" + from + "&to=" + to).body();
            assertThat(describe(picture)).isEqualTo(describe(picture(now, from)));
        }

        // a query node that never rebuilt anything, on a copy of the same events, comes to the same read models
        Map<String, String> checksums = new HashMap<>();
        PROJECTIONS.forEach(name -> checksums.put(name, rebuilds.checksum(name)));
        Map<String, String> reference = neverRebuilt();
        assertThat(reference).isEqualTo(checksums);

        // and a fresh fold of the whole history gives them again
        for (String name : PROJECTIONS) {
            assertThat(analyst().post("/api/admin/projections/" + name + "/replay", "").status()).isEqualTo(202);
            JsonNode done = awaitRebuilt(name, Duration.ofMinutes(3));
            assertThat(done.at("/rebuild/checksumAfter").asText()).isEqualTo(checksums.get(name));
            assertThat(done.at("/rebuild/checksumBefore").asText()).isEqualTo(checksums.get(name));
        }
    }

    /**
     * A rebuild decides from the live tokens whether the live read model already reflects an event, by
     * the segment the event falls in: with another sequence than the processor's it swaps in a read model
     * that lacks events the live one had (or has some twice).
     */
    private void theRebuildsSequenceEventsAsTheLiveProcessorsDo(HotelClient staff, LocalDate today) {
        assertThat(staff.registerRoom("990", "DOUBLE", 2, "120.00").status()).isEqualTo(201);
        HotelClient guest = new HotelClient(port);
        assertThat(guest.book("990", today.plusDays(400), today.plusDays(402)).status()).isEqualTo(201);
        java.util.List<org.axonframework.eventhandling.TrackedEventMessage<?>> events = new ArrayList<>();
        try (org.axonframework.common.stream.BlockingStream<org.axonframework.eventhandling.TrackedEventMessage<?>> stream
                     = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(events).extracting(e -> e.getPayloadType().getSimpleName()).contains("RoomRegistered", "RoomReserved");
        for (hotel.booking.query.replay.RebuildableProjection projection : rebuildable) {
            var policy = processing.sequencingPolicy(projection.name());
            for (org.axonframework.eventhandling.TrackedEventMessage<?> event : events) {
                var domain = (org.axonframework.eventhandling.DomainEventMessage<?>) event;
                Object stored = projection.sequenceIdentifier(new hotel.booking.query.replay.StoredEvent(0,
                        domain.getAggregateIdentifier(), domain.getPayload(), domain.getTimestamp().toString()));
                assertThat(stored).as("%s, %s", projection.name(), domain.getPayloadType().getSimpleName())
                                  .isEqualTo(policy.getSequenceIdentifierFor(domain));
            }
        }
    }

    private void book(int seed, LocalDate today, AtomicBoolean booking, AtomicInteger booked, AtomicInteger cancelled,
                      AtomicInteger duringRebuilds, AtomicBoolean rebuilding, ConcurrentLinkedQueue<String> unexpected) {
        Random random = new Random(seed);
        HotelClient guest = new HotelClient(port);
        List<HotelClient.Response> mine = new ArrayList<>();
        while (booking.get()) {
            boolean during = rebuilding.get();
            HotelClient.Response answer;
            if (!mine.isEmpty() && random.nextInt(4) == 0) {
                answer = guest.cancel(mine.remove(random.nextInt(mine.size())));
                if (answer.status() == 204) {
                    cancelled.incrementAndGet();
                }
            } else {
                LocalDate checkIn = today.plusDays(1 + random.nextInt(200));
                answer = guest.book("90" + (1 + random.nextInt(6)), checkIn, checkIn.plusDays(1 + random.nextInt(4)));
                if (answer.status() == 201) {
                    booked.incrementAndGet();
                    mine.add(answer);
                }
            }
            if (answer.status() != 201 && answer.status() != 204 && answer.status() != 409) {
                unexpected.add(answer.status() + " " + answer.body());
            }
            if (during && rebuilding.get() && (answer.status() == 201 || answer.status() == 204)) {
                duringRebuilds.incrementAndGet();
            }
        }
    }

    /**
     * Rooms and stays appended straight to the event store, as a long history would be; its rooms take no
     * bookings. Every kind of event a projection reads is there: stays booked and cancelled, holds confirmed
     * (some cancelled later), expired or cancelled, and nights blocked out of service, some lifted.
     */
    private void seedHistory(LocalDate today, int events) {
        Random random = new Random(42);
        Instant at = Instant.now().minus(Duration.ofDays(1));
        List<Object[]> rows = new ArrayList<>();
        Map<String, Long> sequence = new HashMap<>();
        Map<String, LocalDate> next = new HashMap<>();
        Map<String, List<Object>> held = new HashMap<>();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (int room = 0; room < SEEDED_ROOMS; room++) {
            String number = "H" + room;
            rows.add(row(number, 0, new RoomRegistered(number, RoomType.SINGLE, 1, new BigDecimal("70.00")), at));
            sequence.put(number, 1L);
            next.put(number, today.plusDays(1));
            held.put(number, new ArrayList<>());
        }
        while (rows.size() < events) {
            String number = "H" + random.nextInt(SEEDED_ROOMS);
            List<Object> active = held.get(number);
            Object payload;
            if (!active.isEmpty() && random.nextInt(3) == 0) {
                Object taken = active.remove(random.nextInt(active.size()));
                if (taken instanceof RoomReserved reserved) {
                    payload = new RoomReleased(number, reserved.reservationId(), reserved.stay(), ReleaseReason.CANCELLED_BY_GUEST);
                } else if (taken instanceof RoomHeld hold) {
                    int fate = random.nextInt(3);
                    if (fate == 0) {
                        payload = new HoldConfirmed(number, hold.reservationId(), hold.stay(), hold.totalPrice());
                        active.add(new RoomReserved(number, hold.reservationId(), hold.stay(), hold.totalPrice(), hold.guest()));
                    } else {
                        payload = new RoomReleased(number, hold.reservationId(), hold.stay(),
                                fate == 1 ? ReleaseReason.HOLD_EXPIRED : ReleaseReason.CANCELLED_BY_STAFF);
                    }
                } else {
                    NightsBlocked block = (NightsBlocked) taken;
                    payload = new BlockLifted(number, block.blockId(), block.nights());
                }
            } else {
                LocalDate checkIn = next.get(number);
                Stay stay = new Stay(checkIn, checkIn.plusDays(1 + random.nextInt(3)));
                next.put(number, stay.checkOut().plusDays(random.nextInt(2)));
                BigDecimal price = new BigDecimal("70.00").multiply(BigDecimal.valueOf(stay.nights()));
                Guest guest = new Guest("Seed", "seed@example.com");
                int kind = random.nextInt(6);
                if (kind == 0) {
                    // a deadline to the nanosecond: the read model keeps it to the microsecond
                    payload = new RoomHeld(number, UUID.randomUUID(), stay, price,
                            at.plusSeconds(900).plusNanos(random.nextInt(1_000_000_000)), guest);
                } else if (kind == 1) {
                    payload = new NightsBlocked(number, UUID.randomUUID(), stay, "maintenance");
                } else {
                    payload = new RoomReserved(number, UUID.randomUUID(), stay, price, guest);
                }
                active.add(payload);
            }
            at = at.plusMillis(7);
            kinds.merge(payload.getClass().getSimpleName(), 1, Integer::sum);
            rows.add(row(number, sequence.merge(number, 1L, Long::sum) - 1, payload, at));
        }
        assertThat(kinds).containsKeys("RoomReserved", "RoomReleased", "RoomHeld", "HoldConfirmed", "NightsBlocked",
                "BlockLifted");
        jdbc().batchUpdate("""
                           INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                           meta_data, payload, payload_revision, payload_type, time_stamp)
                           VALUES (?, ?, 'Room', ?, ?, ?, '1', ?, ?)""", rows);
    }

    /**
     * What the projections made of the seeded rooms (which no guest books), row by row, and the reports'
     * figures for their room type: a rebuild must leave all of it as it was.
     */
    private Map<String, Object> seededReadModels(LocalDate today) {
        Map<String, Object> seen = new java.util.LinkedHashMap<>();
        seen.put("availability_stay", jdbc().queryForList("""
                SELECT reservation_id, room_number, check_in, check_out, out_of_service FROM availability_stay
                WHERE room_number LIKE 'H%' ORDER BY reservation_id"""));
        seen.put("reservation_view", jdbc().queryForList("""
                SELECT reservation_id, room_number, check_in, check_out, total_price, status, booked_at, released_at,
                       release_reason, hold_expires_at FROM reservation_view
                WHERE room_number LIKE 'H%' ORDER BY reservation_id"""));
        seen.put("report_reservation", jdbc().queryForList("""
                SELECT * FROM report_reservation WHERE room_number LIKE 'H%' ORDER BY reservation_id"""));
        seen.put("report_night_sold", jdbc().queryForList("""
                SELECT * FROM report_night_sold WHERE room_number LIKE 'H%' ORDER BY reservation_id, night"""));
        HotelClient.Response report = analyst().get("/api/reports/occupancy?from=" + today + "&to=" + today.plusDays(366));
        assertThat(report.status()).isEqualTo(200);
        JsonNode occupancy = report.body();
        List<String> singles = new ArrayList<>();
        occupancy.findValues("roomTypes").forEach(types -> types.forEach(type -> {
            if (type.path("roomType").asText().equals("SINGLE")) {
                singles.add(type.toString());
            }
        }));
        assertThat(singles).hasSize(366).anyMatch(line -> !line.contains("\"roomsSold\":0"));
        seen.put("occupancy SINGLE", singles);
        return seen;
    }

    private Object[] row(String room, long sequence, Object payload, Instant at) {
        return new Object[]{room, sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                serializer.serialize(payload, byte[].class).getData(), payload.getClass().getName(), at.toString()};
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    private void awaitCaughtUp(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode all = analyst().get("/api/admin/projections").body();
            assertThat(all.size()).isEqualTo(PROJECTIONS.size());
            for (JsonNode projection : all) {
                assertThat(projection.path("lag").asLong(-1)).as(projection.toString()).isZero();
            }
        });
    }

    private JsonNode awaitRebuilt(String name, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = analyst().get("/api/admin/projections/" + name).body();
            String state = status.at("/rebuild/state").asText();
            if (state.equals("FAILED") || state.equals("ABANDONED")) {
                throw new AssertionError("Rebuild of " + name + ": " + status);
            }
            return state.equals("DONE") && !status.path("replaying").asBoolean();
        });
        return analyst().get("/api/admin/projections/" + name).body();
    }

    /** Copies the event store into a database of its own and lets a fresh query node project it. */
    private Map<String, String> neverRebuilt() throws Exception {
        TestPostgres.Database copy = TestPostgres.freshDatabase();
        try (ConfigurableApplicationContext reference = new SpringApplicationBuilder(HotelApplication.class)
                .profiles("query")
                .run("--spring.datasource.url=" + copy.url(), "--spring.datasource.username=" + copy.username(),
                        "--spring.datasource.password=" + copy.password(), "--spring.datasource.hikari.maximum-pool-size=8",
                        "--server.port=0", "--hotel.sample-rooms=false", "--hotel.security.staff-password=x",
                        "--hotel.security.auditor-password=x", "--hotel.security.analyst-password=x")) {
            DataSource target = reference.getBean(DataSource.class);
            try (Connection from = dataSource.getConnection(); Connection into = target.getConnection();
                 Statement read = from.createStatement();
                 ResultSet rs = read.executeQuery("SELECT global_index, aggregate_identifier, sequence_number, type,"
                         + " event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp"
                         + " FROM domain_event_entry ORDER BY global_index");
                 var insert = into.prepareStatement("INSERT INTO domain_event_entry (global_index, aggregate_identifier,"
                         + " sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type,"
                         + " time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                into.setAutoCommit(false);
                // the guests' keys first, so that the reference node reads the guests as this one does
                try (Statement keys = from.createStatement();
                     ResultSet key = keys.executeQuery("SELECT guest_id, secret_key FROM guest_key");
                     var copyKey = into.prepareStatement("INSERT INTO guest_key (guest_id, secret_key) VALUES (?, ?)"
                                                         + " ON CONFLICT (guest_id) DO NOTHING")) {
                    while (key.next()) {
                        copyKey.setString(1, key.getString(1));
                        copyKey.setBytes(2, key.getBytes(2));
                        copyKey.addBatch();
                    }
                    copyKey.executeBatch();
                }
                while (rs.next()) {
                    for (int column = 1; column <= 10; column++) {
                        insert.setObject(column, rs.getObject(column));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
                into.commit();
            }
            long head = jdbc().queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            ProjectionRebuilds projections = reference.getBean(ProjectionRebuilds.class);
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(projections.statuses()).allSatisfy(status -> assertThat(status.position()).isEqualTo(head)));
            Map<String, String> checksums = new HashMap<>();
            PROJECTIONS.forEach(name -> checksums.put(name, projections.checksum(name)));
            return checksums;
        }
    }

    private static Map<String, boolean[]> picture(JsonNode snapshot, LocalDate from) {
        Map<String, boolean[]> picture = new HashMap<>();
        for (JsonNode room : snapshot.path("rooms")) {
            JsonNode nights = room.path("nights");
            boolean[] free = new boolean[nights.size()];
            for (int i = 0; i < free.length; i++) {
                assertThat(nights.get(i).path("date").asText()).isEqualTo(from.plusDays(i).toString());
                free[i] = nights.get(i).path("available").asBoolean();
            }
            picture.put(room.path("roomNumber").asText(), free);
        }
        return picture;
    }

    private static Map<String, String> describe(Map<String, boolean[]> picture) {
        Map<String, String> text = new java.util.TreeMap<>();
        picture.forEach((room, nights) -> {
            StringBuilder line = new StringBuilder();
            for (boolean free : nights) {
                line.append(free ? 'o' : 'x');
            }
            text.put(room, line.toString());
        });
        return text;
    }

    private static void awaitEvent(SseClient progress, java.util.function.Predicate<SseClient.Event> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            SseClient.Event event = progress.next("projection", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (wanted.test(event)) {
                return;
            }
        }
    }

    @Test
    void onlyAnalystsRebuildOneAtATimeAndOnlyWhatExists() throws Exception {
        HotelClient anonymous = new HotelClient(port);
        HotelClient staff = anonymous.as("staff", "rebuild-staff");
        assertThat(anonymous.post("/api/admin/projections/rooms/replay", "").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(staff.post("/api/admin/projections/rooms/replay", "").status()).isEqualTo(403);
        assertThat(staff.get("/api/admin/projections/rooms").status()).isEqualTo(403);

        HotelClient.Response unknown = analyst().post("/api/admin/projections/nothing/replay", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(analyst().get("/api/admin/projections/nothing").status()).isEqualTo(404);

        JsonNode all = analyst().get("/api/admin/projections").body();
        assertThat(all.findValuesAsText("name")).containsExactlyInAnyOrderElementsOf(PROJECTIONS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(analyst().get("/api/admin/projections/rooms").body().has("position")).isTrue());
        JsonNode rooms = analyst().get("/api/admin/projections/rooms").body();
        assertThat(rooms.has("head")).isTrue();
        assertThat(rooms.has("lag")).isTrue();
        assertThat(rooms.path("replaying").asBoolean()).isFalse();
        assertThat(rooms.path("checksum").asText()).hasSize(32);

        try (SseClient progress = SseClient.connect("http://localhost:" + port + "/api/admin/projections/stream",
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "analyst:rebuild-analyst".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(progress.status()).isEqualTo(200);
            assertThat(progress.next("projections", Duration.ofSeconds(10)).data().size()).isEqualTo(PROJECTIONS.size());

            // a rebuild of rooms runs on another node: it holds the lock
            try (Connection otherNode = dataSource.getConnection(); Statement statement = otherNode.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + ProjectionRebuilds.LOCK_SPACE + ", "
                                  + rebuilds.lockKey("rooms") + ")");
                HotelClient.Response second = analyst().post("/api/admin/projections/rooms/replay", "");
                assertThat(second.status()).isEqualTo(409);
                assertThat(second.contentType()).isEqualTo("application/problem+json");
                assertThat(analyst().get("/api/admin/projections/rooms").body().path("replaying").asBoolean()).isTrue();
                awaitEvent(progress, event -> event.data().path("name").asText().equals("rooms")
                                              && event.data().path("replaying").asBoolean());
                statement.execute("SELECT pg_advisory_unlock(" + ProjectionRebuilds.LOCK_SPACE + ", "
                                  + rebuilds.lockKey("rooms") + ")");
            }

            assertThat(analyst().post("/api/admin/projections/rooms/replay", "").status()).isEqualTo(202);
            JsonNode done = awaitRebuilt("rooms", Duration.ofMinutes(2));
            assertThat(done.at("/rebuild/identical").asBoolean()).isTrue();
            awaitEvent(progress, event -> event.data().path("name").asText().equals("rooms")
                                          && event.data().at("/rebuild/state").asText().equals("DONE"));
        }
    }
}
