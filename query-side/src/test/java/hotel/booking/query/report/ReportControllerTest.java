package hotel.booking.query.report;

import hotel.booking.api.ReleaseReason;
import hotel.booking.api.RoomType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ReportController.class)
@WithMockUser(roles = "ANALYST")
class ReportControllerTest {

    private static final LocalDate JAN_1 = LocalDate.parse("2031-01-01");
    private static final DateRange TWO_NIGHTS = new DateRange(JAN_1, JAN_1.plusDays(2));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QueryGateway queries;

    private void answer(Object query, Object report) {
        doReturn(CompletableFuture.completedFuture(report)).when(queries).query(eq(query), any(ResponseType.class));
    }

    private static OccupancyReport twoNights() {
        return new OccupancyReport(JAN_1, JAN_1.plusDays(2), List.of(
                NightOccupancy.of(JAN_1, List.of(
                        RoomTypeOccupancy.of(RoomType.DOUBLE, 2, 3, new BigDecimal("240.00")),
                        RoomTypeOccupancy.of(RoomType.SUITE, 0, 1, new BigDecimal("0.00")))),
                NightOccupancy.of(JAN_1.plusDays(1), List.of(
                        RoomTypeOccupancy.of(RoomType.DOUBLE, 1, 3, new BigDecimal("120.00")),
                        RoomTypeOccupancy.of(RoomType.SUITE, 1, 1, new BigDecimal("299.00"))))));
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                                                 .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    @Test
    void occupancyIsJsonPerNightWithItsRoomTypes() throws Exception {
        answer(new ReportOccupancy(TWO_NIGHTS), twoNights());

        mvc.perform(get("/api/reports/occupancy").param("from", "2031-01-01").param("to", "2031-01-03"))
           .andExpect(status().isOk())
           .andExpect(content().contentType(MediaType.APPLICATION_JSON))
           .andExpect(jsonPath("$.nights[0].night").value("2031-01-01"))
           .andExpect(jsonPath("$.nights[0].roomsSold").value(2))
           .andExpect(jsonPath("$.nights[0].rooms").value(4))
           .andExpect(jsonPath("$.nights[0].occupancyPercent").value(50.00))
           .andExpect(jsonPath("$.nights[0].revenue").value(240.00))
           .andExpect(jsonPath("$.nights[0].roomTypes[0].roomType").value("DOUBLE"))
           .andExpect(jsonPath("$.nights[0].roomTypes[0].occupancyPercent").value(66.67))
           .andExpect(jsonPath("$.nights[1].revenue").value(419.00));
    }

    @Test
    void occupancyAsCsvHasAHeaderAndALineForEachNightAndRoomType() throws Exception {
        answer(new ReportOccupancy(TWO_NIGHTS), twoNights());

        String csv = mvc.perform(get("/api/reports/occupancy").param("from", "2031-01-01").param("to", "2031-01-03")
                                                              .accept("text/csv"))
                        .andExpect(status().isOk())
                        .andExpect(content().contentType("text/csv;charset=UTF-8"))
                        .andReturn().getResponse().getContentAsString();

        assertThat(csv).startsWith("night,roomType,roomsSold,rooms,occupancyPercent,revenue\r\n");
        List<CSVRecord> lines = parse(csv);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).toMap()).isEqualTo(Map.of("night", "2031-01-01", "roomType", "ALL",
                "roomsSold", "2", "rooms", "4", "occupancyPercent", "50.00", "revenue", "240.00"));
        assertThat(lines.get(1).toMap()).isEqualTo(Map.of("night", "2031-01-01", "roomType", "DOUBLE",
                "roomsSold", "2", "rooms", "3", "occupancyPercent", "66.67", "revenue", "240.00"));
        assertThat(lines.get(5).get("roomType")).isEqualTo("SUITE");
        assertThat(lines.get(5).get("occupancyPercent")).isEqualTo("100.00");
    }

    @Test
    void cancellationsAsCsvHaveAColumnPerReason() throws Exception {
        Map<ReleaseReason, Integer> byReason = new EnumMap<>(ReleaseReason.class);
        byReason.put(ReleaseReason.CANCELLED_BY_GUEST, 2);
        byReason.put(ReleaseReason.CANCELLED_BY_STAFF, 1);
        byReason.put(ReleaseReason.HOLD_EXPIRED, 0);
        answer(new ReportCancellations(new DateRange(JAN_1, JAN_1.plusDays(1))), new CancellationReport(JAN_1,
                JAN_1.plusDays(1), List.of(new CancellationDay(JAN_1, 5, 3, byReason, 7, new BigDecimal("840.00")))));

        String csv = mvc.perform(get("/api/reports/cancellations").param("from", "2031-01-01")
                                                                  .param("to", "2031-01-02").accept("text/csv"))
                        .andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();

        assertThat(parse(csv)).singleElement().satisfies(day -> assertThat(day.toMap()).isEqualTo(Map.of(
                "date", "2031-01-01", "bookings", "5", "cancellations", "3", "CANCELLED_BY_GUEST", "2",
                "CANCELLED_BY_STAFF", "1", "HOLD_EXPIRED", "0", "cancelledNights", "7",
                "cancelledRevenue", "840.00")));
    }

    @Test
    void leadTimesAsJsonAndAsCsvWithEmptyFiguresForAMonthWithoutStays() throws Exception {
        Map<String, Integer> none = new LinkedHashMap<>();
        LeadTimeReport.BANDS.forEach(band -> none.put(band, 0));
        Map<String, Integer> some = new LinkedHashMap<>(none);
        some.put("days8to30", 4);
        DateRange range = new DateRange(LocalDate.parse("2030-12-15"), LocalDate.parse("2031-02-01"));
        answer(new ReportLeadTimes(range), new LeadTimeReport(range.from(), range.to(), List.of(
                new LeadTimeMonth(YearMonth.of(2030, 12), 0, null, null, null, null, none),
                new LeadTimeMonth(YearMonth.of(2031, 1), 4, new BigDecimal("12.5"), new BigDecimal("12.0"),
                        new BigDecimal("20.1"), 21, some))));

        mvc.perform(get("/api/reports/lead-times").param("from", "2030-12-15").param("to", "2031-02-01"))
           .andExpect(status().isOk())
           .andExpect(jsonPath("$.months[1].month").value("2031-01"))
           .andExpect(jsonPath("$.months[1].medianDays").value(12.0))
           .andExpect(jsonPath("$.months[1].distribution.days8to30").value(4));
        String csv = mvc.perform(get("/api/reports/lead-times").param("from", "2030-12-15").param("to", "2031-02-01")
                                                               .accept("text/csv"))
                        .andReturn().getResponse().getContentAsString();

        List<CSVRecord> months = parse(csv);
        assertThat(months).hasSize(2);
        assertThat(months.get(0).get("month")).isEqualTo("2030-12");
        assertThat(months.get(0).get("averageDays")).isEmpty();
        assertThat(months.get(1).get("p90Days")).isEqualTo("20.1");
        assertThat(months.get(1).get("days8to30")).isEqualTo("4");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"2031-01-02,2031-01-02,must be after", "2031-01-03,2031-01-01,must be after",
            "2031-01-01,2032-01-03,at most 366 days", "2031-13-01,2031-01-02,'from' must be a date"})
    void aBadRangeIsA400Problem(String from, String to, String detail) throws Exception {
        for (String report : List.of("occupancy", "cancellations", "lead-times")) {
            for (String accept : List.of("application/json", "text/csv")) {
                mvc.perform(get("/api/reports/" + report).param("from", from).param("to", to).accept(accept))
                   .andExpect(status().isBadRequest())
                   .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                   .andExpect(jsonPath("$.detail").value(containsString(detail)));
            }
        }
        verifyNoInteractions(queries);
    }

    @Test
    void aLeapYearIsNotTooLong() throws Exception {
        DateRange leapYear = new DateRange(LocalDate.parse("2032-01-01"), LocalDate.parse("2033-01-01"));
        answer(new ReportOccupancy(leapYear), new OccupancyReport(leapYear.from(), leapYear.to(), List.of()));

        mvc.perform(get("/api/reports/occupancy").param("from", "2032-01-01").param("to", "2033-01-01"))
           .andExpect(status().isOk());
    }

    @Test
    void aMissingDateIsA400Problem() throws Exception {
        mvc.perform(get("/api/reports/occupancy").param("from", "2031-01-01"))
           .andExpect(status().isBadRequest())
           .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
