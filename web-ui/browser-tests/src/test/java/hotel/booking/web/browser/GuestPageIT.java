package hotel.booking.web.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two guests, each in a browser of their own, on the guest page of the packaged app. Every scenario
 * leaves screenshots of both windows in {@code target/screenshots}, whether it passes or not.
 */
@ExtendWith(Chromium.IfInstalled.class)
class GuestPageIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final Path WORK = Path.of(System.getProperty("work.dir", "target/browser-tests"));
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    static Path data;

    private static HotelServer hotel;
    private static GuestPage ada;
    private static GuestPage bob;

    private final LocalDate today = LocalDate.now();

    @BeforeAll
    static void startHotelAndBrowsers() {
        Chromium.requireInstalled();
        hotel = HotelServer.packaged(data.resolve("postgres"), WORK.resolve("app.log"));
        hotel.start();
        ada = new GuestPage(Chromium.open(data.resolve("browsers"), "ada"), "ada");
        bob = new GuestPage(Chromium.open(data.resolve("browsers"), "bob"), "bob");
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {ada, bob, hotel}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    @BeforeEach
    void openThePageInBothWindows() {
        ada.stopEmulating();
        ada.open(hotel.baseUrl());
        bob.open(hotel.baseUrl());
    }

    @AfterEach
    void screenshotBothWindows(TestInfo scenario) {
        String name = scenario.getTestMethod().orElseThrow().getName();
        ada.screenshot(SCREENSHOTS, name);
        bob.screenshot(SCREENSHOTS, name);
    }

    @Test
    void aBookingInOneWindowFlipsTheCellInTheOtherWithinTwoSeconds() {
        LocalDate first = today.plusDays(2);
        LocalDate last = today.plusDays(3);
        assertThat(bob.cellState("103", first)).isEqualTo("free");

        ada.chooseNights("103", first, last);
        assertThat(ada.bookingSummary()).contains("Room 103").contains("2 nights");
        assertThat(ada.cell("103", first).getDomAttribute("data-selected")).isNotNull();
        ada.enterGuest("Ada Lovelace", "ada@example.com");
        ada.book();

        bob.awaitCell("103", first, "taken", GuestPage.FLIP_WITHIN);
        bob.awaitCell("103", last, "taken", GuestPage.FLIP_WITHIN);
        assertThat(bob.cell("103", first).getDomAttribute("class")).as("a flipped cell is highlighted").contains("flipped");
        bob.screenshot(SCREENSHOTS, "justFlipped");
        assertThat(bob.cellState("103", last.plusDays(1))).isEqualTo("free");

        WebElement confirmation = ada.confirmation();
        String reservationId = confirmation.getDomAttribute("data-reservation-id");
        assertThat(reservationId).matches(UUID_PATTERN);
        assertThat(confirmation.getText()).contains(reservationId).contains("Room 103").contains("2 nights");
        ada.awaitMyReservationStatus(reservationId, "CONFIRMED");
        ada.awaitCell("103", first, "taken", GuestPage.FLIP_WITHIN);
    }

    @Test
    void aConflictingBookingShowsTheProblemInPlainWords() {
        LocalDate first = today.plusDays(5);
        LocalDate last = today.plusDays(6);
        bob.chooseNights("104", first, last);
        bob.enterGuest("Bob", "bob@example.com");

        ada.chooseNights("104", first, last);
        ada.enterGuest("Ada Lovelace", "ada@example.com");
        ada.book();
        ada.confirmation();

        bob.awaitCell("104", first, "taken", GuestPage.FLIP_WITHIN);
        assertThat(bob.bookingWarning()).contains("no longer free");
        bob.book();
        assertThat(bob.bookingProblem()).startsWith("Not booked: Room 104 is already booked")
                                        .doesNotContain("{", "status", "409");

        bob.selectRoom("110");
        bob.enterDate("booking-check-in", today.plusDays(20));
        bob.enterDate("booking-check-out", today.plusDays(52));
        bob.book();
        assertThat(bob.bookingProblem()).isEqualTo("Not booked: A stay can be at most 30 nights; "
                + today.plusDays(20) + ".." + today.plusDays(52) + " is 32");
    }

    @Test
    void aHoldCountsDownAndIsConfirmedInTime() {
        LocalDate night = today.plusDays(8);
        ada.chooseNights("107", night, night);
        ada.enterGuest("Ada Lovelace", "ada@example.com");
        ada.hold();
        WebElement confirmation = ada.confirmation();
        String holdId = confirmation.getDomAttribute("data-reservation-id");
        assertThat(confirmation.getText()).contains("Held until");
        bob.awaitCell("107", night, "taken", GuestPage.FLIP_WITHIN);
        ada.awaitMyReservationStatus(holdId, "HELD");

        String first = ada.countdown(holdId);
        assertThat(first).matches("\\d+:\\d\\d left");
        new WebDriverWait(ada.driver(), Duration.ofSeconds(5)).withMessage("the countdown to tick")
                .until(d -> !ada.countdown(holdId).equals(first));
        assertThat(secondsLeft(ada.countdown(holdId))).as("counts down").isLessThan(secondsLeft(first));

        ada.confirmHold(holdId);
        ada.awaitMyReservationStatus(holdId, "CONFIRMED");
        assertThat(ada.myReservation(holdId).findElements(By.className("countdown"))).isEmpty();
        assertThat(bob.cellState("107", night)).isEqualTo("taken");
    }

    private static int secondsLeft(String countdown) {
        String[] minutesAndSeconds = countdown.replace(" left", "").split(":");
        return Integer.parseInt(minutesAndSeconds[0]) * 60 + Integer.parseInt(minutesAndSeconds[1]);
    }

    @Test
    void cancellingFreesTheNightsInBothWindows() {
        LocalDate night = today.plusDays(1);
        ada.chooseNights("105", night, night);
        ada.enterGuest("Ada Lovelace", "ada@example.com");
        ada.book();
        String reservationId = ada.confirmation().getDomAttribute("data-reservation-id");
        bob.awaitCell("105", night, "taken", GuestPage.FLIP_WITHIN);
        ada.awaitMyReservationStatus(reservationId, "CONFIRMED");

        ada.cancel(reservationId);

        ada.awaitCell("105", night, "free", GuestPage.FLIP_WITHIN);
        bob.awaitCell("105", night, "free", GuestPage.FLIP_WITHIN);
        ada.awaitMyReservationStatus(reservationId, "CANCELLED");
    }

    @Test
    void anAnswerOlderThanTheCancelDoesNotBringTheStayBack() {
        LocalDate night = today.plusDays(2);
        ada.holdBackReservationAnswers();
        ada.chooseNights("108", night, night);
        ada.enterGuest("Ada Lovelace", "ada@example.com");
        ada.book();
        String reservationId = ada.confirmation().getDomAttribute("data-reservation-id");
        ada.awaitHeldBackAnswerAbout(reservationId);

        ada.cancel(reservationId);
        ada.awaitMyReservationStatus(reservationId, "CANCELLED");
        ada.awaitCell("108", night, "free", GuestPage.FLIP_WITHIN);
        ada.releaseReservationAnswers();

        assertThat(ada.myReservation(reservationId).getDomAttribute("data-status"))
                .as("after reading the hotel's \"confirmed\", sent before the cancel").isEqualTo("CANCELLED");
    }

    @Test
    void afterTheServerRestartsTheIndicatorSaysLiveAndTheCellsAreTrue() throws Exception {
        hotel.api().book("106", today.plusDays(3), today.plusDays(5));
        ada.awaitCell("106", today.plusDays(3), "taken", GuestPage.FLIP_WITHIN);

        hotel.stop();
        ada.awaitConnection("reconnecting", Duration.ofSeconds(10));
        bob.awaitConnection("reconnecting", Duration.ofSeconds(10));
        ada.screenshot(SCREENSHOTS, "whileTheServerIsDown");

        hotel.start();
        hotel.api().book("107", today.plusDays(1), today.plusDays(4));

        ada.awaitConnection("live", Duration.ofSeconds(30));
        bob.awaitConnection("live", Duration.ofSeconds(30));
        ada.awaitCell("107", today.plusDays(3), "taken", Duration.ofSeconds(5));
        bob.awaitCell("107", today.plusDays(3), "taken", Duration.ofSeconds(5));
        Map<String, String> truth = nightsOnceTheReadModelShows("107|" + today.plusDays(3), "taken");
        assertThat(ada.cells()).isEqualTo(truth);
        assertThat(bob.cells()).isEqualTo(truth);
    }

    /** The hotel's own answer for the page's range, once it has caught up with a change (it is eventually consistent). */
    private Map<String, String> nightsOnceTheReadModelShows(String night, String state) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, String> nights = hotel.api().nights(today, today.plusDays(14));
            if (state.equals(nights.get(night))) {
                return nights;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The availability read model never showed " + night + " as " + state);
    }

    @Test
    void aNewRoomAppearsInBothWindows() throws Exception {
        hotel.api().registerRoom("111", "SUITE", 4, "349.00");

        for (GuestPage guest : new GuestPage[] {ada, bob}) {
            guest.awaitCell("111", today, "free", GuestPage.FLIP_WITHIN);
            assertThat(guest.driver().findElement(By.cssSelector("tr[data-room='111'] th")).getText())
                    .contains("111").contains("Suite").contains("4 guests");
            assertThat(guest.cells().entrySet().stream()
                            .filter(night -> night.getKey().startsWith("111|")).map(Map.Entry::getValue))
                    .hasSize(14).containsOnly("free");
        }

        ada.field("filter-type").sendKeys("Suite");
        ada.awaitRooms(List.of("110", "111"));
        ada.field("filter-guests").sendKeys("4");
        ada.awaitRooms(List.of("111"));
    }

    @Test
    void aGuestCanBookWithTheKeyboardAndWhatTheyTypeIsShownAsText() {
        ada.script("document.querySelector(\"td[data-room='101'][data-date='\" + arguments[0] + \"'] button\").focus()",
                today.toString());
        WebElement grid = ada.driver().switchTo().activeElement();
        grid.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN,
                Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        ada.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT, Keys.SPACE);

        WebElement focused = ada.driver().switchTo().activeElement();
        assertThat(focused.findElement(By.xpath("..")).getDomAttribute("data-room")).isEqualTo("109");
        assertThat(focused.getDomAttribute("tabindex")).isEqualTo("0");
        assertThat(ada.field("booking-room").getDomProperty("value")).isEqualTo("109");
        assertThat(ada.field("booking-check-in").getDomProperty("value")).isEqualTo(today.plusDays(2).toString());
        assertThat(ada.field("booking-check-out").getDomProperty("value")).isEqualTo(today.plusDays(4).toString());

        String name = "<img src=x onerror=\"window.injected=true\"> Eve";
        ada.enterGuest(name, "eve@example.com");
        ada.field("booking-email").sendKeys(Keys.ENTER);

        WebElement confirmation = ada.confirmation();
        assertThat(confirmation.getText()).contains("for " + name);
        String reservationId = confirmation.getDomAttribute("data-reservation-id");
        assertThat(ada.myReservation(reservationId).getText()).contains(name);
        assertThat(ada.driver().findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(ada.script("return window.injected === undefined")).isEqualTo(true);
        bob.awaitCell("109", today.plusDays(3), "taken", GuestPage.FLIP_WITHIN);
    }

    @Test
    void aRangeTheHotelDoesNotAnswerForShowsWhy() {
        ada.enterDate("filter-from", today.minusYears(5));

        assertThat(ada.visibleText("filters-problem")).startsWith("Ask about nights between");
        ada.awaitConnection("offline", Duration.ofSeconds(5));

        ada.field("from-today").click();
        ada.awaitConnection("live", Duration.ofSeconds(5));
        assertThat(ada.field("filters-problem").isDisplayed()).isFalse();
    }

    @Test
    void thePageFitsAPhoneAndLabelsEveryControl() {
        ada.screenshot(SCREENSHOTS, "desktop");
        ada.emulatePhone(360, 780);

        assertThat(ada.script("return window.innerWidth")).isEqualTo(360L);
        assertThat(ada.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("nothing but the table scrolls sideways").isEqualTo(true);
        assertThat(ada.script("const s = document.querySelector('.grid-scroller'); return s.scrollWidth > s.clientWidth"))
                .as("the table scrolls sideways").isEqualTo(true);
        assertThat(ada.script("""
                return [...document.querySelectorAll('input, select')]
                    .filter(control => control.labels.length === 0).map(control => control.id)"""))
                .as("controls without a label").asList().isEmpty();
        ada.screenshot(SCREENSHOTS, "phone");
    }
}
