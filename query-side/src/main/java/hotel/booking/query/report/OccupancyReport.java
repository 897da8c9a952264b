package hotel.booking.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Occupancy and revenue per night, from {@code from} up to, not including, {@code to}. */
public record OccupancyReport(LocalDate from, LocalDate to, List<NightOccupancy> nights) implements CsvTable {

    /** The room type column's value on a night's line for all room types together. */
    static final String ALL_TYPES = "ALL";

    @Override
    public List<String> csvHeader() {
        return List.of("night", "roomType", "roomsSold", "rooms", "occupancyPercent", "revenue");
    }

    /** Per night, a line for all room types, then one per room type. */
    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (NightOccupancy night : nights) {
            rows.add(List.of(night.night(), ALL_TYPES, night.roomsSold(), night.rooms(), night.occupancyPercent(),
                    night.revenue()));
            for (RoomTypeOccupancy type : night.roomTypes()) {
                rows.add(List.of(night.night(), type.roomType(), type.roomsSold(), type.rooms(),
                        type.occupancyPercent(), type.revenue()));
            }
        }
        return rows;
    }
}
