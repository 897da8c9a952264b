package hotel.booking.query.report;

import java.util.List;

/** A report that can be written as CSV ({@code Accept: text/csv}): a header row, then one row per line. */
public interface CsvTable {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}
