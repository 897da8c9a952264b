package hotel.booking.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StayTest {

    private static Stay stay(String checkIn, String checkOut) {
        return new Stay(LocalDate.parse(checkIn), LocalDate.parse(checkOut));
    }

    @Test
    void aStayIsTheNightsFromCheckInUpToButNotIncludingCheckOut() {
        Stay stay = stay("2031-01-01", "2031-01-04");

        assertThat(stay.nights()).isEqualTo(3);
        assertThat(stay.dates()).containsExactly(LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-02"),
                LocalDate.parse("2031-01-03"));
    }

    @Test
    void staysThatShareANightOverlap() {
        assertThat(stay("2031-01-01", "2031-01-04").overlaps(stay("2031-01-03", "2031-01-05"))).isTrue();
        assertThat(stay("2031-01-03", "2031-01-05").overlaps(stay("2031-01-01", "2031-01-04"))).isTrue();
        assertThat(stay("2031-01-01", "2031-01-10").overlaps(stay("2031-01-03", "2031-01-04"))).isTrue();
    }

    @Test
    void checkingOutTheDayTheNextGuestChecksInIsNoOverlap() {
        assertThat(stay("2031-01-01", "2031-01-04").overlaps(stay("2031-01-04", "2031-01-06"))).isFalse();
        assertThat(stay("2031-01-04", "2031-01-06").overlaps(stay("2031-01-01", "2031-01-04"))).isFalse();
    }

    @Test
    void aBackwardsStayHasNoNightsToList() {
        assertThat(stay("2031-01-04", "2031-01-01").dates()).isEmpty();
    }

    @Test
    void guestDataNeverShowsInLogs() {
        assertThat(new Guest("Ada Lovelace", "ada@example.com").toString()).doesNotContain("Ada", "ada@");
    }
}
