package hotel.booking.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class HotelAccountsTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void configuredPasswordsAreKeptOnlyAsHashesAndNeverShown(CapturedOutput output) {
        InMemoryUserDetailsManager accounts = HotelAccounts.of(
                new SignInProperties("front-desk-pw", "auditor-pw", "analyst-pw", true), encoder);

        UserDetails staff = accounts.loadUserByUsername("staff");
        assertThat(staff.getPassword()).startsWith("{bcrypt}").doesNotContain("front-desk-pw");
        assertThat(encoder.matches("front-desk-pw", staff.getPassword())).isTrue();
        assertThat(staff.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
        assertThat(accounts.loadUserByUsername("auditor").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_AUDITOR");
        assertThat(output).doesNotContain("front-desk-pw").doesNotContain("Passwords generated");
    }

    @Test
    void aMissingPasswordIsGeneratedAndShownOnceInABanner(CapturedOutput output) {
        InMemoryUserDetailsManager accounts = HotelAccounts.of(
                new SignInProperties("front-desk-pw", null, " ", true), encoder);

        Matcher auditor = Pattern.compile("auditor +(\\S+) ").matcher(output.getOut());
        assertThat(auditor.find()).as("the auditor's password in the banner").isTrue();
        assertThat(encoder.matches(auditor.group(1), accounts.loadUserByUsername("auditor").getPassword())).isTrue();
        assertThat(output.getOut()).contains("WARN").contains("HOTEL_ANALYST_PASSWORD")
                                   .doesNotContain("HOTEL_STAFF_PASSWORD").doesNotContain("front-desk-pw");
        assertThat(Pattern.compile(Pattern.quote(auditor.group(1))).matcher(output.getOut()).results().count())
                .isEqualTo(1);
    }

    @Test
    void aPasswordGivenAsABcryptHashIsTakenAsIs() {
        String hash = encoder.encode("analyst-pw");

        InMemoryUserDetailsManager accounts = HotelAccounts.of(new SignInProperties("a", "b", hash, true), encoder);

        assertThat(accounts.loadUserByUsername("analyst").getPassword()).isEqualTo(hash);
    }

    @Test
    void withoutGenerationAMissingPasswordStopsTheStart() {
        assertThatThrownBy(() -> HotelAccounts.of(new SignInProperties("a", null, null, false), encoder))
                .isInstanceOf(HotelAccounts.MissingPasswords.class)
                .hasMessageContaining("HOTEL_AUDITOR_PASSWORD, HOTEL_ANALYST_PASSWORD")
                .hasMessageNotContaining("HOTEL_STAFF_PASSWORD");
    }
}
