package hotel.booking.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for want of passwords says so in two lines, not in a stack trace. */
class MissingPasswordsFailureAnalyzer extends AbstractFailureAnalyzer<HotelAccounts.MissingPasswords> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HotelAccounts.MissingPasswords cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set HOTEL_STAFF_PASSWORD, HOTEL_AUDITOR_PASSWORD and HOTEL_ANALYST_PASSWORD (plain text, or a "
                        + "{bcrypt} hash) in the app's environment.", cause);
    }
}
