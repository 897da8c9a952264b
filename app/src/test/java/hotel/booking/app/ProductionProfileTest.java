package hotel.booking.app;

import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profile postgres never makes up passwords: without them it does not start. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    @Test
    void withoutItsPasswordsTheProductionProfileRefusesToStart(CapturedOutput output) {
        TestPostgres.Database database = TestPostgres.freshDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(HotelApplication.class).profiles("postgres").run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=",
                "--hotel.security.staff-password=chosen-by-the-operator",
                "--hotel.security.auditor-password=",
                "--hotel.security.analyst-password="))
                .hasStackTraceContaining("No password for [auditor, analyst]");

        assertThat(output).contains("APPLICATION FAILED TO START")
                          .contains("set HOTEL_AUDITOR_PASSWORD, HOTEL_ANALYST_PASSWORD")
                          .doesNotContain("Passwords generated")
                          .doesNotContain("chosen-by-the-operator");
    }
}
