package hotel.booking.query.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvMessageConverterTest {

    private final CsvMessageConverter converter = new CsvMessageConverter();

    private record Table(List<String> csvHeader, List<List<Object>> csvRows) implements CsvTable {
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndReadBackUnchanged() throws Exception {
        List<Object> tricky = Arrays.asList("a,b", "say \"hi\"", "two\r\nlines", "Zoë", null, new BigDecimal("1E+3"));
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        converter.write(new Table(List.of("comma", "quote", "break", "unicode", "missing", "number"), List.of(tricky)),
                MediaType.parseMediaType("text/csv"), output);

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(output.getBodyAsString(StandardCharsets.UTF_8)))
                                                   .getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).values()).containsExactly("comma", "quote", "break", "unicode", "missing", "number");
        assertThat(records.get(1).values()).containsExactly("a,b", "say \"hi\"", "two\r\nlines", "Zoë", "", "1000");
        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).endsWith("\r\n");
        assertThat(output.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    }

    @Test
    void onlyReportsAreWrittenAndNothingIsRead() {
        assertThat(converter.canWrite(OccupancyReport.class, MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(converter.canWrite(String.class, MediaType.parseMediaType("text/csv"))).isFalse();
        assertThat(converter.canRead(OccupancyReport.class, MediaType.parseMediaType("text/csv"))).isFalse();
    }
}
