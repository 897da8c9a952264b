package hotel.booking.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A date from a client is a {@code YYYY-MM-DD} string and nothing else: not Jackson's lenient
 * {@code [2031,1,2]}, an epoch day, an empty string or a padded one.
 */
class IsoDateDeserializer extends StdScalarDeserializer<LocalDate> {

    IsoDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        String text = p.getText();
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date (YYYY-MM-DD)");
        }
    }
}
