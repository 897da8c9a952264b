package hotel.booking.platform.web;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 connector with a smaller servlet response buffer. Tomcat gives every
 * request in progress its own response buffer (bytes and, for writers, chars: 24 KiB at the default
 * 8 KiB), and an open Server-Sent Events stream is a request in progress for as long as the guest
 * watches: ten thousand of them held 240 MiB in these buffers alone. Responses here are small JSON
 * documents and SSE frames; larger ones (exports, reports) are streamed in chunks anyway.
 * <p>
 * Tomcat sizes the buffer from {@link #getDesiredBufferSize()}, which HTTP/1.1 leaves at "default";
 * Spring Boot instantiates the protocol by class name ({@code TomcatServletWebServerFactory#setProtocol}).
 */
public class LeanHttp11NioProtocol extends Http11NioProtocol {

    private int responseBufferBytes = 4096;

    @Override
    public int getDesiredBufferSize() {
        return responseBufferBytes;
    }

    /** Set as the connector property {@code responseBufferBytes}, before the connector starts. */
    public void setResponseBufferBytes(int responseBufferBytes) {
        this.responseBufferBytes = responseBufferBytes;
    }
}
