package hotel.booking.app;

import hotel.booking.testsupport.FreshPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A flood of hostile requests against the whole app on PostgreSQL: a table of the kinds an attacker
 * or a broken client sends, then generated ones (jqwik). Each must be a 4xx problem+json, none a
 * 5xx; afterwards the event store and the reservation registry hold what they held before, and
 * the log has no stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotel.sample-rooms=true",
        "hotel.security.staff-password=" + HostileInputTest.STAFF_PASSWORD,
        "hotel.rate-limit.bookings.capacity=1000000"})
@FreshPostgres
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final String STAFF_PASSWORD = "hostile-suite-staff";
    private static final int GENERATED_PER_KIND = 120;
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^(\\s+at [\\w$.]+\\(|Caused by: )");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private RawHttp http;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> serverErrors = new ArrayList<>();
    private HotelClient.Response guestsBooking;
    private long eventsBefore;
    private long registryBefore;
    private final LocalDate checkIn = LocalDate.now().plusDays(100);

    @BeforeAll
    void aHotelWithOneGuestsBooking() {
        http = new RawHttp(port);
        HotelClient hotel = new HotelClient(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(hotel.get("/api/rooms").body()).hasSize(10));
        guestsBooking = hotel.book("101", checkIn, checkIn.plusDays(2));
        assertThat(guestsBooking.status()).isEqualTo(201);
        eventsBefore = count("domain_event_entry");
        registryBefore = count("reservation_registry");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    // --- what is sent ---------------------------------------------------------------------------

    private RawHttp.Answer send(Function<RawHttp, RawHttp.Answer> request, String name) {
        sent.incrementAndGet();
        RawHttp.Answer answer = request.apply(http);
        if (answer.status() >= 500) {
            serverErrors.add(name + " -> " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private static Function<RawHttp, RawHttp.Answer> request(String method, String target, Map<String, String> headers,
                                                             String body) {
        return bytes(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Function<RawHttp, RawHttp.Answer> bytes(String method, String target, Map<String, String> headers,
                                                           byte[] body) {
        return http -> http.request(method, target, headers, body);
    }

    private static Function<RawHttp, RawHttp.Answer> booking(String json) {
        return request("POST", "/api/reservations", Map.of("Content-Type", "application/json"), json);
    }

    private static Function<RawHttp, RawHttp.Answer> raw(String bytes) {
        return http -> http.send(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends, then says it has nothing more to send (what a client that lied about the length does). */
    private static Function<RawHttp, RawHttp.Answer> rawThenClose(String bytes) {
        return http -> http.sendAndClose(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** A booking that would be accepted, but for the one field given as raw JSON. */
    private String bookingWith(String field, String rawJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("roomNumber", "\"102\"");
        fields.put("checkIn", "\"" + checkIn + "\"");
        fields.put("checkOut", "\"" + checkIn.plusDays(2) + "\"");
        fields.put("guestName", "\"Mallory\"");
        fields.put("guestEmail", "\"mallory@example.com\"");
        fields.put(field, rawJson);
        fields.values().removeIf(value -> value == null);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                                            .append("\":").append(value));
        return json.append('}').toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // --- the table ------------------------------------------------------------------------------

    Stream<Arguments> hostileRequests() {
        String id = guestsBooking.text("reservationId");
        String staff = basic("staff", STAFF_PASSWORD);
        String room = "{\"roomNumber\":\"301\",\"type\":\"SUITE\",\"capacity\":3,\"nightlyRate\":250.00}";
        return Stream.of(
                // malformed JSON and wrong shapes
                arguments("no body", 400, booking("")),
                arguments("an open brace", 400, booking("{")),
                arguments("a cut-off object", 400, booking(bookingWith("guestEmail", null).replace("}", ""))),
                arguments("null", 400, booking("null")),
                arguments("an array", 400, booking("[]")),
                arguments("a string", 400, booking("\"book me\"")),
                arguments("a number", 400, booking("42")),
                arguments("an empty object", 400, booking("{}")),
                arguments("5000 nested arrays", 400, booking("[".repeat(5000) + "]".repeat(5000))),
                arguments("a repeated field", 400, booking(bookingWith("guestName", "\"A\",\"guestName\":\"B\""))),
                arguments("bytes that are not UTF-8", 400, bytes("POST", "/api/reservations",
                        headers("Content-Type", "application/json"), new byte[]{'{', '"', (byte) 0xff, (byte) 0xfe, '"'})),
                arguments("JSON with comments", 400, booking("/* hi */" + bookingWith("guestName", "\"X\""))),
                arguments("a trailing second document", 400, booking(bookingWith("roomNumber", "\"999\"") + "{}")),
                // unknown, missing and mistyped fields
                arguments("an unknown field", 400, booking(bookingWith("nights", "3"))),
                arguments("a field for the server to set", 400, booking(bookingWith("totalPrice", "0.01"))),
                arguments("a missing guest name", 400, booking(bookingWith("guestName", null))),
                arguments("a missing check-out", 400, booking(bookingWith("checkOut", null))),
                arguments("a room number as a number", 400, booking(bookingWith("roomNumber", "102"))),
                arguments("a guest name as an object", 400, booking(bookingWith("guestName", "{\"first\":\"M\"}"))),
                arguments("a guest name as an array", 400, booking(bookingWith("guestName", "[\"M\"]"))),
                arguments("a guest name as true", 400, booking(bookingWith("guestName", "true"))),
                arguments("a null e-mail", 400, booking(bookingWith("guestEmail", "null"))),
                arguments("a date as an array", 400, booking(bookingWith("checkIn", "[2031,1,2]"))),
                arguments("a date as an epoch day", 400, booking(bookingWith("checkIn", "23000"))),
                arguments("a date as a number too big", 400, booking(bookingWith("checkIn", "1e999999"))),
                arguments("an empty date", 400, booking(bookingWith("checkIn", "\"\""))),
                arguments("a padded date", 400, booking(bookingWith("checkIn", "\" " + checkIn + "\""))),
                arguments("a date with a time", 400, booking(bookingWith("checkIn", "\"" + checkIn + "T00:00:00\""))),
                arguments("an empty reservation id", 400, booking(bookingWith("reservationId", "\"\""))),
                arguments("a path as reservation id", 400, booking(bookingWith("reservationId", "\"../../etc/passwd\""))),
                arguments("a number as reservation id", 400, booking(bookingWith("reservationId", "12345"))),
                // absurd dates and ranges
                arguments("year 0", 400, booking(bookingWith("checkIn", "\"0000-01-01\""))),
                arguments("year 9999", 400, booking(bookingWith("checkIn", "\"9999-12-30\"")
                        .replace(checkIn.plusDays(2).toString(), "9999-12-31"))),
                arguments("year +10000", 400, booking(bookingWith("checkOut", "\"+10000-01-01\""))),
                arguments("the last date there is", 400, booking(bookingWith("checkOut", "\"+999999999-12-31\""))),
                arguments("the first date there is", 400, booking(bookingWith("checkIn", "\"-999999999-01-01\""))),
                arguments("past the last date", 400, booking(bookingWith("checkOut", "\"+1000000000-01-01\""))),
                arguments("30 February", 400, booking(bookingWith("checkIn", "\"2031-02-30\""))),
                arguments("month 13", 400, booking(bookingWith("checkIn", "\"2031-13-01\""))),
                arguments("check-out before check-in", 400, booking(bookingWith("checkOut", "\"" + checkIn.minusDays(1) + "\""))),
                arguments("no night at all", 400, booking(bookingWith("checkOut", "\"" + checkIn + "\""))),
                arguments("600 nights", 400, booking(bookingWith("checkOut", "\"" + checkIn.plusDays(600) + "\""))),
                arguments("yesterday", 400, booking(bookingWith("checkIn", "\"" + LocalDate.now().minusDays(1) + "\""))),
                // names, e-mails and rooms
                arguments("a name of 10,000 characters", 400, booking(bookingWith("guestName", "\"" + "M".repeat(10_000) + "\""))),
                arguments("a name of 101 characters", 400, booking(bookingWith("guestName", "\"" + "M".repeat(101) + "\""))),
                arguments("a NUL in the name", 400, booking(bookingWith("guestName", "\"Mal\\u0000lory\""))),
                arguments("a terminal escape in the name", 400, booking(bookingWith("guestName", "\"\\u001b[31mMallory\""))),
                arguments("a C1 control in the name", 400, booking(bookingWith("guestName", "\"Mal\\u009blory\""))),
                arguments("a right-to-left override", 400, booking(bookingWith("guestName", "\"Mal\\u202elory\""))),
                arguments("a zero-width space", 400, booking(bookingWith("guestName", "\"Mal\\u200blory\""))),
                arguments("a line break", 400, booking(bookingWith("guestName", "\"Mal\\nlory\""))),
                arguments("a line separator", 400, booking(bookingWith("guestName", "\"Mal\\u2028lory\""))),
                arguments("half a surrogate pair", 400, booking(bookingWith("guestName", "\"Mal\\ud800lory\""))),
                arguments("only blanks", 400, booking(bookingWith("guestName", "\" \\u00a0\\t \""))),
                arguments("an empty e-mail", 400, booking(bookingWith("guestEmail", "\"\""))),
                arguments("an empty name", 400, booking(bookingWith("guestName", "\"\""))),
                arguments("an empty room number", 400, booking(bookingWith("roomNumber", "\"\""))),
                arguments("an e-mail without a domain", 400, booking(bookingWith("guestEmail", "\"mallory@\""))),
                arguments("an e-mail with a space", 400, booking(bookingWith("guestEmail", "\"mal lory@example.com\""))),
                arguments("an e-mail of 300 characters", 400, booking(bookingWith("guestEmail", "\"" + "m".repeat(288) + "@example.com\""))),
                arguments("an e-mail with a NUL", 400, booking(bookingWith("guestEmail", "\"mallory\\u0000@example.com\""))),
                arguments("SQL in the room number", 400, booking(bookingWith("roomNumber", "\"101'; DROP TABLE domain_event_entry;--\""))),
                arguments("a path in the room number", 400, booking(bookingWith("roomNumber", "\"../101\""))),
                arguments("a room number of 17 characters", 400, booking(bookingWith("roomNumber", "\"" + "1".repeat(17) + "\""))),
                arguments("a room that does not exist", 404, booking(bookingWith("roomNumber", "\"999\""))),
                // sizes and content types
                arguments("a body of 1 MB", 413, booking("{\"guestName\":\"" + "M".repeat(1 << 20) + "\"}")),
                arguments("17 KB of blanks", 413, booking(" ".repeat(17 * 1024) + "{}")),
                arguments("20 KB chunked, no length given", 413, bytes("POST", "/api/reservations",
                        headers("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                        chunked("{\"guestName\":\"" + "M".repeat(20 * 1024) + "\"}"))),
                arguments("text/plain", 415, request("POST", "/api/reservations", headers("Content-Type", "text/plain"), "{}")),
                arguments("XML", 415, request("POST", "/api/reservations", headers("Content-Type", "application/xml"), "<booking/>")),
                arguments("a form", 415, request("POST", "/api/reservations",
                        headers("Content-Type", "application/x-www-form-urlencoded"), "roomNumber=101")),
                arguments("multipart", 415, request("POST", "/api/reservations",
                        headers("Content-Type", "multipart/form-data; boundary=x"), "--x--")),
                arguments("no content type", 415, request("POST", "/api/reservations", headers(), bookingWith("roomNumber", "\"999\""))),
                arguments("an unknown charset", 415, request("POST", "/api/reservations",
                        headers("Content-Type", "application/json; charset=klingon"), "{}")),
                arguments("a content type that is no type", 415, request("POST", "/api/reservations",
                        headers("Content-Type", "nonsense"), "{}")),
                arguments("a Content-Length that lies", 400, rawThenClose("POST /api/reservations HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{}")),
                arguments("a negative Content-Length", 400, raw("POST /api/reservations HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}")),
                arguments("broken chunks", 400, raw("POST /api/reservations HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")),
                // idempotency keys
                arguments("a short Idempotency-Key", 400, request("POST", "/api/reservations",
                        headers("Content-Type", "application/json", "Idempotency-Key", "abc"), bookingWith("roomNumber", "\"102\""))),
                arguments("an Idempotency-Key of 1,000 characters", 400, request("POST", "/api/reservations",
                        headers("Content-Type", "application/json", "Idempotency-Key", "k".repeat(1000)), bookingWith("roomNumber", "\"102\""))),
                arguments("an Idempotency-Key with spaces and quotes", 400, request("POST", "/api/reservations",
                        headers("Content-Type", "application/json", "Idempotency-Key", "my key is \"long enough\""),
                        bookingWith("roomNumber", "\"102\""))),
                // addresses
                arguments("an id that is no UUID", 400, request("GET", "/api/reservations/not-a-uuid", headers(), null)),
                arguments("an id with a space, without its token", 403, request("GET", "/api/reservations/" + id + "%20", headers(), null)),
                arguments("a broken escape in a path parameter", 400, request("GET", "/api/reservations/1;%'!", headers(), null)),
                arguments("dot-dot in the path", 400, request("GET", "/api/reservations/../../etc/passwd", headers(), null)),
                arguments("encoded slashes", 400, request("GET", "/api/reservations/..%2F..%2Fetc%2Fpasswd", headers(), null)),
                arguments("encoded dots", 400, request("GET", "/api/reservations/%2e%2e/%2e%2e/etc/passwd", headers(), null)),
                arguments("an encoded backslash", 400, request("DELETE", "/api/reservations/..%5C..%5Cwindows", headers(), null)),
                arguments("an encoded NUL", 400, request("GET", "/api/reservations/" + id + "%00", headers(), null)),
                arguments("a path parameter", 400, request("GET", "/api/reservations/" + id + ";jsessionid=x", headers(), null)),
                arguments("a broken percent-escape", 400, request("GET", "/api/reservations/%zz", headers(), null)),
                arguments("an address of 9,000 characters", 400, request("GET", "/api/reservations/" + "a".repeat(9000), headers(), null)),
                arguments("a raw control character in the address", 400, raw("GET /api/rooms\u0001 HTTP/1.1\r\nHost: localhost\r\n\r\n")),
                arguments("a space in the address", 400, raw("GET /api/ro oms HTTP/1.1\r\nHost: localhost\r\n\r\n")),
                // the protocol itself
                arguments("no Host header", 400, raw("GET /api/rooms HTTP/1.1\r\nConnection: close\r\n\r\n")),
                arguments("a header without a colon", 400, raw("GET /api/rooms HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n\r\n")),
                arguments("a header of 10 KB", 400, request("GET", "/api/rooms", headers("X-Junk", "j".repeat(10_000)), null)),
                arguments("a made-up method", 400, request("BREW", "/api/rooms", headers(), null)),
                arguments("TRACE", 400, request("TRACE", "/api/rooms", headers(), null)),
                arguments("HTTP/9.9", 400, raw("GET /api/rooms HTTP/9.9\r\nHost: localhost\r\n\r\n")),
                arguments("a TLS handshake", 400, raw("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003" + "A".repeat(40) + "\r\n\r\n")),
                // availability and its live stream: bounded ranges only
                arguments("availability without a range", 400, request("GET", "/api/availability", headers(), null)),
                arguments("availability from garbage", 400, request("GET", "/api/availability?from=soon&to=later", headers(), null)),
                arguments("availability from year 0 to 9999", 400, request("GET",
                        "/api/availability?from=0000-01-01&to=9999-12-31", headers(), null)),
                arguments("availability for 367 nights", 400, request("GET",
                        "/api/availability?from=" + checkIn + "&to=" + checkIn.plusDays(367), headers(), null)),
                arguments("availability backwards", 400, request("GET",
                        "/api/availability?from=" + checkIn + "&to=" + checkIn.minusDays(3), headers(), null)),
                arguments("availability ten years ago", 400, request("GET",
                        "/api/availability?from=" + LocalDate.now().minusYears(10) + "&to="
                                + LocalDate.now().minusYears(10).plusDays(7), headers(), null)),
                arguments("availability at the end of time", 400, request("GET",
                        "/api/availability?from=%2B999999999-12-30&to=%2B999999999-12-31", headers(), null)),
                arguments("availability for a made-up room type", 400, request("GET",
                        "/api/availability?from=" + checkIn + "&to=" + checkIn.plusDays(7) + "&type=PENTHOUSE", headers(), null)),
                arguments("availability for no guests", 400, request("GET",
                        "/api/availability?from=" + checkIn + "&to=" + checkIn.plusDays(7) + "&guests=0", headers(), null)),
                arguments("availability for a billion guests", 400, request("GET",
                        "/api/availability?from=" + checkIn + "&to=" + checkIn.plusDays(7) + "&guests=1000000000", headers(), null)),
                arguments("availability for twelve digits of guests", 400, request("GET",
                        "/api/availability?from=" + checkIn + "&to=" + checkIn.plusDays(7) + "&guests=999999999999", headers(), null)),
                arguments("a stream without a range", 400, request("GET", "/api/availability/stream",
                        headers("Accept", "text/event-stream"), null)),
                arguments("a stream from year 0 to 9999", 400, request("GET",
                        "/api/availability/stream?from=0000-01-01&to=9999-12-31", headers("Accept", "text/event-stream"), null)),
                arguments("a stream for 10,000 nights", 400, request("GET",
                        "/api/availability/stream?from=" + checkIn + "&to=" + checkIn.plusDays(10_000),
                        headers("Accept", "text/event-stream"), null)),
                arguments("a stream for a made-up room type", 400, request("GET",
                        "/api/availability/stream?from=" + checkIn + "&to=" + checkIn.plusDays(7) + "&type=%E2%80%AESUITE",
                        headers("Accept", "text/event-stream"), null)),
                arguments("posting to the stream", 401, request("POST", "/api/availability/stream", headers(), "{}")),
                // who may do what
                arguments("a guest registering a room", 401, request("POST", "/api/rooms", headers("Content-Type", "application/json"), room)),
                arguments("a guest reading the audit trail", 401, request("GET", "/api/audit/events", headers(), null)),
                arguments("a guest at the projections", 401, request("POST", "/api/admin/projections/rooms/replay", headers(), null)),
                arguments("a guest at the reports", 401, request("GET", "/api/reports/occupancy?from=2031-01-01&to=2031-01-08", headers(), null)),
                arguments("a guest at the environment", 401, request("GET", "/actuator/env", headers(), null)),
                arguments("a guest replacing reservations", 401, request("PUT", "/api/reservations", headers(), null)),
                arguments("a made-up /api address", 401, request("GET", "/api/secrets", headers(), null)),
                arguments("a password guess", 401, request("POST", "/api/rooms",
                        headers("Content-Type", "application/json", "Authorization", basic("staff", "staff")), room)),
                arguments("Basic that is no Base64", 401, request("POST", "/api/rooms",
                        headers("Content-Type", "application/json", "Authorization", "Basic !!!"), room)),
                arguments("Basic without a colon", 401, request("POST", "/api/rooms",
                        headers("Content-Type", "application/json", "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("staff".getBytes(StandardCharsets.UTF_8))), room)),
                arguments("a bearer token nobody issued", 401, request("GET", "/api/audit/events",
                        headers("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."), null)),
                arguments("staff replacing a room", 403, request("PUT", "/api/rooms", headers("Authorization", staff), null)),
                arguments("staff using a method an address lacks", 405, request("DELETE", "/actuator/metrics",
                        headers("Authorization", staff), null)),
                arguments("staff registering a room of capacity 1e999999", 400, request("POST", "/api/rooms",
                        headers("Content-Type", "application/json", "Authorization", staff),
                        room.replace("\"capacity\":3", "\"capacity\":1e999999"))),
                arguments("staff registering a room at a rate of 1e999999999", 400, request("POST", "/api/rooms",
                        headers("Content-Type", "application/json", "Authorization", staff),
                        room.replace("250.00", "1e999999999"))),
                // someone else's reservation
                arguments("reading a booking without its token", 403, request("GET", "/api/reservations/" + id, headers(), null)),
                arguments("cancelling a booking without its token", 403, request("DELETE", "/api/reservations/" + id, headers(), null)),
                arguments("cancelling with another booking's token", 403, request("DELETE", "/api/reservations/" + id,
                        headers("X-Reservation-Token", guestsBooking.text("cancellationToken").substring(1) + "A"), null)),
                arguments("cancelling with a token of 8 KB", 403, request("DELETE", "/api/reservations/" + id,
                        headers("X-Reservation-Token", "t".repeat(8000)), null)),
                arguments("cancelling with a token that is not ASCII", 403, request("DELETE", "/api/reservations/" + id,
                        headers("X-Reservation-Token", "\u00e9\u00e9\u00e9"), null)),
                arguments("cancelling what does not exist", 404, request("DELETE", "/api/reservations/" + UUID.randomUUID(),
                        headers("X-Reservation-Token", guestsBooking.text("cancellationToken")), null)),
                arguments("the error page called directly", 404, request("GET", "/error", headers(), null)));
    }

    private static byte[] chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder chunks = new StringBuilder();
        for (int at = 0; at < bytes.length; at += 4096) {
            int size = Math.min(4096, bytes.length - at);
            chunks.append(Integer.toHexString(size)).append("\r\n")
                  .append(new String(bytes, at, size, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileRequests")
    void everyHostileRequestIsRefusedWithAProblem(String name, int expected, Function<RawHttp, RawHttp.Answer> request) {
        RawHttp.Answer answer = send(request, name);

        assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(expected);
        assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(expected);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
    }

    // --- generated ------------------------------------------------------------------------------

    private void allRefused(String kind, Stream<Function<RawHttp, RawHttp.Answer>> requests, String... described) {
        List<Function<RawHttp, RawHttp.Answer>> list = requests.toList();
        for (int i = 0; i < list.size(); i++) {
            String name = kind + " #" + i + " " + (i < described.length ? described[i] : "");
            RawHttp.Answer answer = send(list.get(i), name);
            assertThat(answer.status()).as(name + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.contentType()).as(name).startsWith("application/problem+json");
        }
    }

    private void allRefused(String kind, List<String> inputs, Function<String, Function<RawHttp, RawHttp.Answer>> asRequest,
                            int... expected) {
        for (String input : inputs) {
            RawHttp.Answer answer = send(asRequest.apply(input), kind);
            assertThat(answer.status()).as(kind + " " + input + ": " + answer.body()).isIn(box(expected));
            assertThat(answer.contentType()).as(kind + " " + input).startsWith("application/problem+json");
        }
    }

    private static Object[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray();
    }

    private static <T> List<T> samples(Arbitrary<T> arbitrary) {
        return arbitrary.sampleStream().limit(GENERATED_PER_KIND).toList();
    }

    @Order(2)
    @Test
    void namesWithAnyControlFormatOrSurrogateCharacterAreRefused() {
        Arbitrary<Character> forbidden = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.chars().range('\u007f', '\u009f'),
                Arbitraries.of('\u00ad', '\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '\u2028', '\u2029'),
                Arbitraries.chars().range('\ud800', '\udfff'));
        Arbitrary<String> names = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(40), forbidden,
                Arbitraries.integers().between(0, 40))
                .as((name, bad, at) -> new StringBuilder(name).insert(Math.min(at, name.length()), bad).toString());

        allRefused("a name with a forbidden character", samples(names),
                name -> booking(bookingWith("guestName", jsonString(name))), 400);
    }

    @Order(3)
    @Test
    void aBookingWithAnyFieldOfTheWrongTypeIsRefused() {
        Arbitrary<String> wrongValues = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "{}", "[]", "[[[]]]", "{\"a\":{\"b\":[1,2]}}", "\"\""),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(30).map(n -> "[" + n + "]"));
        Arbitrary<String> fields = Arbitraries.of("roomNumber", "checkIn", "checkOut", "guestName", "guestEmail",
                "reservationId");
        // a null reservationId is allowed (the server picks one), so it gets an empty string instead
        Arbitrary<String> bodies = Combinators.combine(fields, wrongValues).as((field, value) ->
                bookingWith(field, field.equals("reservationId") && value.equals("null") ? "\"\"" : value));

        allRefused("a field of the wrong type", samples(bodies), body -> booking(body), 400, 404);
    }

    @Order(4)
    @Test
    void datesOutsideTheBookingWindowOrCalendarAreRefused() {
        Arbitrary<String> years = Arbitraries.oneOf(
                Arbitraries.integers().between(0, LocalDate.now().getYear() - 1).map(y -> String.format("%04d", y)),
                Arbitraries.integers().between(LocalDate.now().getYear() + 3, 9999).map(String::valueOf),
                Arbitraries.integers().between(10_000, 999_999_999).map(y -> "+" + y),
                Arbitraries.integers().between(1, 999_999_999).map(y -> "-" + y));
        Arbitrary<String> dates = Combinators.combine(years, Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99)).as((y, m, d) -> "%s-%02d-%02d".formatted(y, m, d));
        Arbitrary<String> bodies = Combinators.combine(Arbitraries.of("checkIn", "checkOut"), dates)
                                              .as((field, date) -> bookingWith(field, "\"" + date + "\""));

        allRefused("a date outside the window", samples(bodies), body -> booking(body), 400);
    }

    @Order(5)
    @Test
    void arbitraryBytesAreNeverABooking() {
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);

        allRefused("arbitrary bytes", samples(bodies).stream()
                .map(body -> bytes("POST", "/api/reservations", headers("Content-Type", "application/json"), body)));
    }

    @Order(6)
    @Test
    void anArbitraryReservationAddressIsRefusedOrNotFound() {
        Arbitrary<String> segments = Arbitraries.strings().withChars("abcdef0123456789-./;%~_:@!$&'()*+,=")
                                                .ofMinLength(1).ofMaxLength(60)
                                                .filter(s -> !s.equals(".") && !s.equals(".."));
        Arbitrary<String> methods = Arbitraries.of("GET", "DELETE");

        List<String> addresses = samples(segments);
        List<String> verbs = samples(methods);
        for (int i = 0; i < addresses.size(); i++) {
            String method = verbs.get(i);
            allRefused(method, List.of(addresses.get(i)),
                    segment -> request(method, "/api/reservations/" + segment, headers(), null), 400, 401, 403, 404);
        }
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            json.append(c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c) || c > 0x7e
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return json.append('"').toString();
    }

    // --- and afterwards -------------------------------------------------------------------------

    @Order(99)
    @Test
    void theFloodWroteNothingAndLeftNoStackTraceInTheLog(CapturedOutput output) {
        System.out.println("Hostile-input suite: " + sent.get() + " requests sent, " + serverErrors.size()
                + " answered 5xx");

        assertThat(serverErrors).isEmpty();
        assertThat(count("domain_event_entry")).isEqualTo(eventsBefore);
        assertThat(count("reservation_registry")).isEqualTo(registryBefore);
        assertThat(new HotelClient(port).get("/api/reservations/" + guestsBooking.text("reservationId"),
                "X-Reservation-Token", guestsBooking.text("cancellationToken")).text("status")).isEqualTo("CONFIRMED");
        assertThat(STACK_TRACE.matcher(output.getAll()).find()).as("a stack trace in the log").isFalse();
        assertThat(output.getAll()).doesNotContain(" ERROR ");
        assertThat(sent.get()).isGreaterThan(100 + 5 * GENERATED_PER_KIND - 1);
    }
}
