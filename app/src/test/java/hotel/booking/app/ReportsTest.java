package hotel.booking.app;

import hotel.booking.testsupport.FreshPostgres;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analysts' reports, built by their projection from bookings made through the API, in a context
 * and database of their own so that the counts are exact; closed afterwards, so that it holds no
 * threads or connections while other tests run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hotel.sample-rooms=false", "hotel.time-zone=UTC",
                "hotel.security.staff-password=reports-staff", "hotel.security.analyst-password=reports-analyst"})
@FreshPostgres
@DirtiesContext
class ReportsTest {

    @LocalServerPort
    int port;

    @Test
    void occupancyCancellationsAndLeadTimeFollowTheBookings() throws Exception {
        HotelClient hotel = new HotelClient(port);
        assertThat(hotel.as("staff", "reports-staff").registerRoom("801", "SUITE", 3, "250.00").status()).isEqualTo(201);
        assertThat(hotel.as("staff", "reports-staff").registerRoom("802", "SUITE", 3, "250.00").status()).isEqualTo(201);
        assertThat(hotel.as("staff", "reports-staff").registerRoom("803", "SINGLE", 1, "80.00").status()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate night = today.plusDays(40);
        assertThat(hotel.book("801", night, night.plusDays(2)).status()).isEqualTo(201);
        assertThat(hotel.book("803", night, night.plusDays(1)).status()).isEqualTo(201);
        HotelClient.Response cancelled = hotel.book("802", night, night.plusDays(3));
        assertThat(hotel.cancel(cancelled).status()).isEqualTo(204);
        String range = "?from=" + night + "&to=" + night.plusDays(3);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HotelClient.Response occupancy = hotel.as("analyst", "reports-analyst").get("/api/reports/occupancy" + range);
            assertThat(occupancy.status()).isEqualTo(200);
            assertThat(occupancy.body().path("nights").valueStream().map(each -> each.path("roomsSold").asInt()))
                    .containsExactly(2, 1, 0);
        });
        HotelClient.Response occupancy = hotel.as("analyst", "reports-analyst").get("/api/reports/occupancy" + range);
        assertThat(occupancy.body().at("/nights/0/rooms").asInt()).isEqualTo(3);
        assertThat(occupancy.body().at("/nights/0/occupancyPercent").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(occupancy.body().at("/nights/0/revenue").decimalValue()).isEqualByComparingTo("330.00");

        HttpResponse<String> csv = hotel.as("analyst", "reports-analyst").getText("/api/reports/occupancy" + range, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                                                 .parse(new StringReader(csv.body())).getRecords();
        assertThat(lines).extracting(line -> line.get("night") + " " + line.get("roomType") + " "
                                             + line.get("roomsSold") + "/" + line.get("rooms") + " "
                                             + line.get("occupancyPercent") + "% " + line.get("revenue"))
                         .containsExactly(
                                 night + " ALL 2/3 66.67% 330.00",
                                 night + " SINGLE 1/1 100.00% 80.00",
                                 night + " SUITE 1/2 50.00% 250.00",
                                 night.plusDays(1) + " ALL 1/3 33.33% 250.00",
                                 night.plusDays(1) + " SINGLE 0/1 0.00% 0.00",
                                 night.plusDays(1) + " SUITE 1/2 50.00% 250.00",
                                 night.plusDays(2) + " ALL 0/3 0.00% 0.00",
                                 night.plusDays(2) + " SINGLE 0/1 0.00% 0.00",
                                 night.plusDays(2) + " SUITE 0/2 0.00% 0.00");

        HotelClient.Response cancellations = hotel.as("analyst", "reports-analyst").get("/api/reports/cancellations?from=" + today + "&to=" + today.plusDays(1));
        assertThat(cancellations.body().at("/days/0/bookings").asInt()).isEqualTo(3);
        assertThat(cancellations.body().at("/days/0/cancellations").asInt()).isEqualTo(1);
        assertThat(cancellations.body().at("/days/0/byReason/CANCELLED_BY_GUEST").asInt()).isEqualTo(1);
        assertThat(cancellations.body().at("/days/0/cancelledRevenue").decimalValue()).isEqualByComparingTo("750.00");

        HotelClient.Response leadTimes = hotel.as("analyst", "reports-analyst").get("/api/reports/lead-times" + range);
        assertThat(leadTimes.body().at("/months/0/month").asText()).isEqualTo(YearMonth.from(night).toString());
        assertThat(leadTimes.body().at("/months/0/stays").asInt()).isEqualTo(2);
        assertThat(leadTimes.body().at("/months/0/maxDays").asLong()).isEqualTo(ChronoUnit.DAYS.between(today, night));
    }

    @Test
    void aRangeOfMoreThan366NightsIsA400Problem() {
        HotelClient.Response tooLong = new HotelClient(port).as("analyst", "reports-analyst").get("/api/reports/occupancy?from=2031-01-01&to=2032-01-03",
                "Accept", "text/csv");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).isEqualTo("application/problem+json");
        assertThat(tooLong.text("detail")).contains("at most 366 days");
    }
}
