package hotel.booking.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The guest page in one browser window, in the words of a guest using it. */
final class GuestPage implements AutoCloseable {

    static final Duration FLIP_WITHIN = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ChromeDriver driver;
    private final String name;

    GuestPage(ChromeDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    /** Opens the page afresh and waits until its table is live. */
    void open(String baseUrl) {
        driver.get(baseUrl + "/");
        awaitConnection("live", PATIENCE);
        await(PATIENCE).until(d -> !d.findElements(By.cssSelector("td[data-date]")).isEmpty());
    }

    /** Shows the page as a phone of this size does (a mobile viewport, overlay scroll bars). */
    void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    void stopEmulating() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    // the table

    WebElement cell(String room, LocalDate night) {
        return driver.findElement(cellSelector(room, night));
    }

    String cellState(String room, LocalDate night) {
        return cell(room, night).getDomAttribute("data-state");
    }

    void awaitCell(String room, LocalDate night, String state, Duration within) {
        await(within).withMessage(() -> name + ": room " + room + " on " + night + " to be " + state)
                .until(d -> state.equals(d.findElement(cellSelector(room, night)).getDomAttribute("data-state")));
    }

    /** Clicks the first night of a stay and then its last night, as a guest does. */
    void chooseNights(String room, LocalDate first, LocalDate last) {
        cell(room, first).findElement(By.tagName("button")).click();
        if (!last.equals(first)) {
            cell(room, last).findElement(By.tagName("button")).click();
        }
    }

    /** Waits until the table shows exactly these rooms, in this order. */
    void awaitRooms(List<String> rooms) {
        await(PATIENCE).withMessage(() -> name + ": the table to show rooms " + rooms)
                .until(d -> rooms.equals(d.findElements(By.cssSelector("tbody tr[data-room]")).stream()
                        .map(row -> row.getDomAttribute("data-room")).toList()));
    }

    /** Every cell of the table as "room|date" → "free" or "taken". */
    @SuppressWarnings("unchecked")
    Map<String, String> cells() {
        return (Map<String, String>) script("""
                return Object.fromEntries([...document.querySelectorAll('td[data-date]')]
                    .map(cell => [cell.dataset.room + '|' + cell.dataset.date, cell.dataset.state]));""");
    }

    // the connection indicator

    String connection() {
        return driver.findElement(By.id("connection")).getDomAttribute("data-state");
    }

    void awaitConnection(String state, Duration within) {
        await(within).withMessage(() -> name + ": the indicator to say " + state + " (it says " + connection() + ")")
                .until(d -> state.equals(d.findElement(By.id("connection")).getDomAttribute("data-state")));
    }

    // the booking form

    WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    void enterGuest(String guestName, String email) {
        field("booking-name").clear();
        field("booking-name").sendKeys(guestName);
        field("booking-email").clear();
        field("booking-email").sendKeys(email);
    }

    /** Sets a date field the way a date picker does, whatever the browser's date format. */
    void enterDate(String id, LocalDate date) {
        script("""
                const field = document.getElementById(arguments[0]);
                field.value = arguments[1];
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));""", id, date.toString());
    }

    void selectRoom(String room) {
        new Select(field("booking-room")).selectByValue(room);
    }

    void book() {
        field("book").click();
    }

    void hold() {
        field("hold").click();
    }

    String bookingSummary() {
        return field("booking-summary").getText();
    }

    String bookingWarning() {
        return visibleText("booking-warning");
    }

    String bookingProblem() {
        return visibleText("booking-problem");
    }

    WebElement confirmation() {
        return await(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-confirmation")));
    }

    // my reservations

    WebElement myReservation(String reservationId) {
        return await(PATIENCE).until(d -> d.findElement(
                By.cssSelector("#my-reservations li[data-reservation-id='" + reservationId + "']")));
    }

    void awaitMyReservationStatus(String reservationId, String status) {
        await(PATIENCE).withMessage(() -> name + ": reservation " + reservationId + " to be " + status)
                .until(d -> status.equals(myReservation(reservationId).getDomAttribute("data-status")));
    }

    /** Cancel…, then Yes. */
    void cancel(String reservationId) {
        clickInMyReservation(reservationId, "cancel");
        clickInMyReservation(reservationId, "confirm-cancel");
    }

    /**
     * From now on the page gets the hotel's answers about a stay (its {@code GET
     * /api/reservations/{id}}, when found) only when {@link #releaseReservationAnswers} says so, as over
     * a slow network: the answer is the hotel's state when it was asked.
     */
    void holdBackReservationAnswers() {
        script("""
                const fetchNow = window.fetch;
                const held = window.heldReservationAnswers = [];
                window.readReservationAnswers = 0;
                window.fetch = async (resource, options = {}) => {
                    const response = await fetchNow(resource, options);
                    const url = new URL(String(resource), location.href);
                    if ((options.method ?? 'GET') !== 'GET' || !url.pathname.startsWith('/api/reservations/') || !response.ok) {
                        return response;
                    }
                    const json = response.json.bind(response);
                    response.json = () => json().then((body) => { window.readReservationAnswers++; return body; });
                    return new Promise((deliver) => held.push({ path: url.pathname, deliver: () => deliver(response) }));
                };""");
    }

    void awaitHeldBackAnswerAbout(String reservationId) {
        await(PATIENCE).withMessage(() -> name + ": an answer about " + reservationId + " to be held back")
                .until(d -> (Boolean) script("return window.heldReservationAnswers.some((answer) => answer.path.endsWith('/' + arguments[0]))",
                        reservationId));
    }

    /** Lets the answers held back so far through, and waits until the page has read them. */
    void releaseReservationAnswers() {
        int count = ((Number) script("""
                const answers = window.heldReservationAnswers.splice(0);
                answers.forEach((answer) => answer.deliver());
                return answers.length""")).intValue();
        await(PATIENCE).withMessage(() -> name + ": the page to read " + count + " answers about a stay")
                .until(d -> ((Number) script("return window.readReservationAnswers")).intValue() >= count);
    }

    /** The hold's countdown, like "9:58 left". */
    String countdown(String reservationId) {
        return await(PATIENCE).until(d -> myReservation(reservationId).findElement(By.className("countdown"))).getText();
    }

    void confirmHold(String reservationId) {
        clickInMyReservation(reservationId, "confirm-hold");
    }

    private void clickInMyReservation(String reservationId, String action) {
        await(PATIENCE).until(d -> {
            myReservation(reservationId).findElement(By.cssSelector("[data-action='" + action + "']")).click();
            return true;
        });
    }

    // the page itself

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A PNG of the whole page (not only the window) under {@code dir}, named for the scenario and this guest. */
    void screenshot(Path dir, String scenario) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(scenario + "-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    String visibleText(String id) {
        return await(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private WebDriverWait await(Duration within) {
        WebDriverWait wait = new WebDriverWait(driver, within, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static By cellSelector(String room, LocalDate night) {
        return By.cssSelector("td[data-room='" + room + "'][data-date='" + night + "']");
    }
}
