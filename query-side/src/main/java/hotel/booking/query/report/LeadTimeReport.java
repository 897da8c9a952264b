package hotel.booking.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Booking lead time per month of check-in, for the stays (not cancelled) arriving from {@code from} up to {@code to}. */
public record LeadTimeReport(LocalDate from, LocalDate to, List<LeadTimeMonth> months) implements CsvTable {

    /** The bands of lead days the distribution counts stays in: the same day, 1 to 7 days ahead, and so on. */
    static final List<String> BANDS = List.of("days0", "days1to7", "days8to30", "days31to90", "days91to180",
            "days181plus");

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("month", "stays", "averageDays", "medianDays", "p90Days",
                "maxDays"));
        header.addAll(BANDS);
        return header;
    }

    @Override
    public List<List<Object>> csvRows() {
        return months.stream().map(month -> {
            List<Object> row = new ArrayList<>();
            row.add(month.month());
            row.add(month.stays());
            row.add(month.averageDays());
            row.add(month.medianDays());
            row.add(month.p90Days());
            row.add(month.maxDays());
            BANDS.forEach(band -> row.add(month.distribution().get(band)));
            return row;
        }).toList();
    }
}
