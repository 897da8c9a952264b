package hotel.booking.query.availability;

import hotel.booking.api.RoomType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityQueryTest {

    private static final LocalDate D1 = LocalDate.parse("2031-01-01");
    private final AvailabilityQuery firstWeekDoubles = new AvailabilityQuery(D1, D1.plusDays(7), RoomType.DOUBLE, 2);

    private static AvailabilityChange nights(RoomType type, int capacity, int fromDay, int toDay) {
        return new AvailabilityChange(1, AvailabilityChange.Kind.NIGHTS, "101", type, capacity, null,
                D1.plusDays(fromDay), D1.plusDays(toDay), false);
    }

    @Test
    void aChangeTouchesTheRangeWhenTheyShareANight() {
        assertThat(firstWeekDoubles.touches(nights(RoomType.DOUBLE, 2, 6, 9))).isTrue();
        assertThat(firstWeekDoubles.touches(nights(RoomType.DOUBLE, 2, -2, 1))).isTrue();
        assertThat(firstWeekDoubles.touches(nights(RoomType.DOUBLE, 2, 7, 9))).isFalse();
        assertThat(firstWeekDoubles.touches(nights(RoomType.DOUBLE, 2, -2, 0))).isFalse();
    }

    @Test
    void changesToRoomsOutsideTheFilterDoNotConcernTheSubscriber() {
        assertThat(firstWeekDoubles.touches(nights(RoomType.SUITE, 4, 1, 2))).isFalse();
        assertThat(firstWeekDoubles.touches(nights(RoomType.DOUBLE, 1, 1, 2))).isFalse();
        assertThat(new AvailabilityQuery(D1, D1.plusDays(7), null, null).touches(nights(RoomType.SUITE, 4, 1, 2)))
                .isTrue();
    }

    @Test
    void aNewRoomConcernsEveryRangeItFits() {
        AvailabilityChange room = new AvailabilityChange(1, AvailabilityChange.Kind.ROOM, "201", RoomType.DOUBLE, 2,
                null, null, null, true);

        assertThat(firstWeekDoubles.touches(room)).isTrue();
        assertThat(new AvailabilityQuery(D1, D1.plusDays(7), RoomType.SUITE, null).touches(room)).isFalse();
    }
}
