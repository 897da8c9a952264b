package hotel.booking.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import hotel.booking.api.Guest;
import hotel.booking.api.GuestErased;
import hotel.booking.platform.privacy.GuestKeys;
import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomReleased;
import hotel.booking.api.RoomReserved;
import hotel.booking.api.RoomType;
import hotel.booking.api.Stay;
import hotel.booking.testsupport.TestPostgres;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the history straight from the event store, on a real PostgreSQL. */
class AuditLogTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static DataSource dataSource;
    private static StoredEventWriter store;
    private final MovableClock clock = new MovableClock();
    private AuditLog log;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
        store = new StoredEventWriter(dataSource);
    }

    @BeforeEach
    void anEmptyEventStore() {
        new JdbcTemplate(dataSource).execute("TRUNCATE domain_event_entry RESTART IDENTITY");
        log = new AuditLog(dataSource, new DataSourceTransactionManager(dataSource), clock, SETTLE,
                new HistoryGuests(StoredEventWriter.sealedGuests(dataSource), JdbcClient.create(dataSource)));
    }

    private final Stay stay = new Stay(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-03"));
    private final Instant longAgo = Instant.parse("2020-06-01T10:00:00.123Z");

    private static RoomRegistered registered(String room) {
        return new RoomRegistered(room, RoomType.DOUBLE, 2, new BigDecimal("120.00"));
    }

    private RoomReserved reserved(String room, UUID id) {
        return new RoomReserved(room, id, stay, new BigDecimal("240.00"), new Guest("Ada", "ada@example.com"));
    }

    private long append(String room, long sequence, Object payload) {
        return store.append(room, sequence, payload, longAgo, MetaData.emptyInstance());
    }

    private List<AuditEvent> readAllWithPagesOf(int limit) {
        List<AuditEvent> read = new ArrayList<>();
        long after = 0;
        for (AuditPage page = log.page(after, limit); !page.events().isEmpty(); page = log.page(after, limit)) {
            read.addAll(page.events());
            after = page.nextAfter();
        }
        return read;
    }

    private List<Long> positionsInStore() {
        return new JdbcTemplate(dataSource).queryForList(
                "SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
    }

    @Test
    void aGuestIsShownOpenedUntilErasedThenAsErasedWithWhoAndWhenInEveryView() {
        UUID reservation = UUID.randomUUID();
        append("101", 0, registered("101"));
        append("101", 1, reserved("101", reservation));
        JsonNode before = log.page(0, 10).events().get(1).payload().path("guest");
        assertThat(before.path("name").asText()).isEqualTo("Ada");
        assertThat(before.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(before.has("sealed")).as("auditors never get the sealed text").isFalse();
        String guestId = before.path("guestId").asText();

        Instant erasedAt = new GuestKeys(JdbcClient.create(dataSource), Duration.ZERO, 10).destroy(guestId).orElseThrow();
        append(guestId, 0, new GuestErased(guestId, "staff", erasedAt));

        JsonNode after = log.page(0, 10).events().get(1).payload().path("guest");
        assertThat(after.toString()).isEqualTo("{\"guestId\":\"" + guestId + "\",\"erased\":true,\"erasedBy\":\"staff\","
                + "\"erasedAt\":\"" + erasedAt + "\"}");
        List<AuditEvent> streamed = new ArrayList<>();
        log.stream(0, Long.MAX_VALUE, streamed::add);
        assertThat(List.of(log.page(0, 10).events(), streamed, log.roomHistory("101"),
                log.reservationHistory("101", reservation)))
                .allSatisfy(events -> assertThat(events.toString()).doesNotContain("Ada", "ada@example.com", "sealed")
                                                                  .contains("\"erased\":true"));
        assertThat(log.page(0, 10).events().get(1).payload().path("totalPrice")).hasToString("240.00");
    }

    @Test
    void anEventComesWithItsPositionTimeTypeAggregateSequencePayloadAndMetadata() {
        UUID reservation = UUID.randomUUID();
        append("101", 0, registered("101"));
        long position = store.append("101", 1, reserved("101", reservation), longAgo,
                MetaData.with("requestId", "abc-123").and("principal", "staff"));

        AuditEvent event = log.page(0, 10).events().get(1);

        assertThat(event.position()).isEqualTo(position);
        assertThat(event.timestamp()).isEqualTo(longAgo);
        assertThat(event.type()).isEqualTo("RoomReserved");
        assertThat(event.revision()).isEqualTo("1");
        assertThat(event.aggregateType()).isEqualTo("Room");
        assertThat(event.aggregate()).isEqualTo("101");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.payload().isObject()).isTrue();
        assertThat(event.payload().path("reservationId").asText()).isEqualTo(reservation.toString());
        assertThat(event.payload().path("stay").path("checkIn").asText()).isEqualTo("2031-01-01");
        assertThat(event.payload().path("totalPrice")).as("amounts as stored").hasToString("240.00");
        assertThat(event.metadata().path("requestId").asText()).isEqualTo("abc-123");
        assertThat(event.metadata().path("principal").asText()).isEqualTo("staff");
    }

    @Test
    void pagesFollowTheGlobalOrderAndSayWhereToGoOn() {
        for (int i = 0; i < 7; i++) {
            append("10" + i, 0, registered("10" + i));
        }

        AuditPage first = log.page(0, 3);
        AuditPage second = log.page(first.nextAfter(), 3);
        AuditPage third = log.page(second.nextAfter(), 3);
        AuditPage end = log.page(third.nextAfter(), 3);

        assertThat(first.events()).extracting(AuditEvent::aggregate).containsExactly("100", "101", "102");
        assertThat(second.events()).extracting(AuditEvent::aggregate).containsExactly("103", "104", "105");
        assertThat(third.events()).extracting(AuditEvent::aggregate).containsExactly("106");
        assertThat(end.events()).isEmpty();
        assertThat(end.nextAfter()).isEqualTo(third.nextAfter()).isEqualTo(positionsInStore().get(6));
    }

    @Test
    void aGapLeftByARolledBackAppendIsSteppedOverOnceSettled() throws Exception {
        append("101", 0, registered("101"));
        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            store.append(rolledBack, "102", 0, registered("102"), longAgo);
            rolledBack.rollback();
        }
        append("103", 0, registered("103"));

        assertThat(readAllWithPagesOf(1)).extracting(AuditEvent::aggregate).containsExactly("101", "103");
    }

    @Test
    void aReadStopsBeforeAnEventThatMayStillHaveALateCommitBeforeIt() throws Exception {
        append("101", 0, registered("101"));
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            long latePosition = store.append(late, "102", 0, registered("102"), clock.instant());
            long earlyPosition = store.append("103", 0, registered("103"), clock.instant(), MetaData.emptyInstance());
            assertThat(earlyPosition).isGreaterThan(latePosition);

            AuditPage beforeCommit = log.page(0, 10);
            assertThat(beforeCommit.events()).extracting(AuditEvent::aggregate).containsExactly("101");
            assertThat(beforeCommit.nextAfter()).isEqualTo(latePosition - 1);

            late.commit();
        }
        assertThat(log.page(log.page(0, 1).nextAfter(), 10).events())
                .extracting(AuditEvent::aggregate).containsExactly("102", "103");
    }

    @Test
    void aGapNobodyFillsIsSteppedOverOnceItIsOlderThanTheSettleTime() throws Exception {
        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            store.append(rolledBack, "101", 0, registered("101"), clock.instant());
            rolledBack.rollback();
        }
        store.append("102", 0, registered("102"), clock.instant(), MetaData.emptyInstance());
        assertThat(log.page(0, 10).events()).isEmpty();

        clock.moveAhead(SETTLE);

        assertThat(log.page(0, 10).events()).extracting(AuditEvent::aggregate).containsExactly("102");
    }

    @Test
    void anAuditorPagingWhileGuestsBookMissesNothingAndSeesNothingTwice() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> appends = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String room = "W" + w;
            appends.add(pool.submit(() -> appendRacing(room, 60)));
        }
        List<AuditEvent> read = new ArrayList<>();
        long after = 0;
        while (!appends.stream().allMatch(Future::isDone)) {
            AuditPage page = log.page(after, 7);
            read.addAll(page.events());
            after = page.nextAfter();
        }
        for (Future<?> append : appends) {
            append.get();
        }
        pool.shutdown();
        clock.moveAhead(SETTLE);
        for (AuditPage page = log.page(after, 7); !page.events().isEmpty(); page = log.page(after, 7)) {
            read.addAll(page.events());
            after = page.nextAfter();
        }

        assertThat(read).extracting(AuditEvent::position).isEqualTo(positionsInStore());
        assertThat(read.size()).isGreaterThan(100);
    }

    /** Transactions of one or two appends; some roll back, some take their time to commit. */
    private Void appendRacing(String room, int transactions) throws Exception {
        long sequence = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < transactions; i++) {
                int events = 1 + ThreadLocalRandom.current().nextInt(2);
                for (int e = 0; e < events; e++) {
                    store.append(connection, room, sequence + e, registered(room), clock.instant());
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                if (ThreadLocalRandom.current().nextInt(5) == 0) {
                    connection.rollback();
                } else {
                    connection.commit();
                    sequence += events;
                }
            }
        }
        return null;
    }

    @Test
    void theStreamHandsOverEveryEventAfterAPositionInOrder() {
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            positions.add(append("R" + i, 0, registered("R" + i)));
        }
        List<Long> streamed = new ArrayList<>();

        log.stream(positions.get(4), Long.MAX_VALUE, event -> streamed.add(event.position()));

        assertThat(streamed).isEqualTo(positions.subList(5, 25));
    }

    @Test
    void theStreamStopsAtItsLimit() {
        for (int i = 0; i < 5; i++) {
            append("R" + i, 0, registered("R" + i));
        }
        List<String> streamed = new ArrayList<>();

        log.stream(0, 2, event -> streamed.add(event.aggregate()));

        assertThat(streamed).containsExactly("R0", "R1");
    }

    @Test
    void aRoomsHistoryIsAllItsEventsInItsOwnOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        append("101", 0, registered("101"));
        append("102", 0, registered("102"));
        append("101", 1, reserved("101", first));
        append("102", 1, reserved("102", UUID.randomUUID()));
        append("101", 2, reserved("101", second));

        assertThat(log.roomHistory("101")).extracting(AuditEvent::sequence).containsExactly(0L, 1L, 2L);
        assertThat(log.roomHistory("101")).extracting(AuditEvent::type)
                                          .containsExactly("RoomRegistered", "RoomReserved", "RoomReserved");
        assertThat(log.roomHistory("999")).isEmpty();
    }

    @Test
    void aReservationsHistoryIsTheEventsOfItsRoomThatNameIt() {
        UUID mine = UUID.randomUUID();
        append("101", 0, registered("101"));
        append("101", 1, reserved("101", mine));
        append("101", 2, reserved("101", UUID.randomUUID()));
        append("101", 3, new RoomReleased("101", mine, stay, ReleaseReason.CANCELLED_BY_GUEST));

        assertThat(log.reservationHistory("101", mine)).extracting(AuditEvent::type)
                                                       .containsExactly("RoomReserved", "RoomReleased");
        assertThat(log.reservationHistory("101", UUID.randomUUID())).isEmpty();
    }

    @Test
    void theHistoryOfAReservationThatMovedCoversEveryRoomItWasIn() {
        UUID mine = UUID.randomUUID();
        UUID move = UUID.randomUUID();
        append("101", 0, registered("101"));
        append("102", 0, registered("102"));
        append("101", 1, reserved("101", mine));
        append("101", 2, new hotel.booking.api.MoveRequested("101", mine, stay, "102", move,
                new Guest("Ada", "ada@example.com")));
        append("102", 1, new hotel.booking.api.StayMovedIn("102", mine, stay,
                new hotel.booking.api.StayPrice(java.math.BigDecimal.TEN, "EUR", java.util.List.of()), "101", move,
                new Guest("Ada", "ada@example.com")));
        append("101", 3, new RoomReleased("101", mine, stay, ReleaseReason.MOVED));
        append("102", 2, new RoomReleased("102", mine, stay, ReleaseReason.CANCELLED_BY_GUEST));

        assertThat(log.reservationHistory("102", mine)).extracting(AuditEvent::type, AuditEvent::aggregate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RoomReserved", "101"),
                        org.assertj.core.groups.Tuple.tuple("MoveRequested", "101"),
                        org.assertj.core.groups.Tuple.tuple("StayMovedIn", "102"),
                        org.assertj.core.groups.Tuple.tuple("RoomReleased", "101"),
                        org.assertj.core.groups.Tuple.tuple("RoomReleased", "102"));
    }
}
