package hotel.booking.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error page, for requests it refuses before any servlet sees them (a malformed or
 * encoded path, say), as problem+json in place of its HTML. Echoes nothing of the request.
 */
class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = "The request is not valid HTTP or its address is malformed";
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            // the client's mistake, so a 4xx: hostile traffic must not look like a server failure
            status = HttpStatus.BAD_REQUEST.value();
            detail = "This server speaks HTTP/1.0 and HTTP/1.1";
        } else if (status >= 500) {
            detail = "Something went wrong on our side";
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was already on its way: nothing more to say
        }
    }
}
