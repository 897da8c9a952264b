package hotel.booking.query.report;

import hotel.booking.api.ReleaseReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Bookings and cancellations per day on which they were made, from {@code from} up to, not including, {@code to}. */
public record CancellationReport(LocalDate from, LocalDate to, List<CancellationDay> days) implements CsvTable {

    /** Why nights were given back, except moves: a moved stay is still sold, in another room. */
    static final Set<ReleaseReason> CANCELLATION_REASONS =
            EnumSet.complementOf(EnumSet.of(ReleaseReason.MOVED, ReleaseReason.MOVE_UNDONE));

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(List.of("date", "bookings", "cancellations"));
        for (ReleaseReason reason : CANCELLATION_REASONS) {
            header.add(reason.name());
        }
        header.addAll(List.of("cancelledNights", "cancelledRevenue"));
        return header;
    }

    @Override
    public List<List<Object>> csvRows() {
        return days.stream().map(day -> {
            List<Object> row = new ArrayList<>(List.of(day.date(), day.bookings(), day.cancellations()));
            for (ReleaseReason reason : CANCELLATION_REASONS) {
                row.add(day.byReason().getOrDefault(reason, 0));
            }
            row.addAll(List.of(day.cancelledNights(), day.cancelledRevenue()));
            return row;
        }).toList();
    }
}
