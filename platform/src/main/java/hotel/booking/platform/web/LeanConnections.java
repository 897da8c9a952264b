package hotel.booking.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Per-connection memory for many long-lived streams: every open SSE stream keeps Tomcat's socket
 * buffers, request-line buffer and response buffer for its whole life, so their sizes decide how
 * many guests one node can serve in a given heap (see docs/performance.md, "fanout").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeanConnections.Settings.class)
class LeanConnections implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /**
     * @param responseBufferBytes the servlet response buffer (Tomcat's default 8192)
     * @param socketReadBufferBytes the socket's application read buffer (Tomcat's default 8192): request
     *                              bodies here are small JSON documents
     * @param socketWriteBufferBytes the socket's application write buffer (Tomcat's default 8192)
     */
    @ConfigurationProperties("hotel.http")
    record Settings(Integer responseBufferBytes, Integer socketReadBufferBytes, Integer socketWriteBufferBytes) {

        Settings {
            responseBufferBytes = atLeast512(responseBufferBytes, 4096);
            socketReadBufferBytes = atLeast512(socketReadBufferBytes, 2048);
            socketWriteBufferBytes = atLeast512(socketWriteBufferBytes, 4096);
        }

        private static int atLeast512(Integer value, int fallback) {
            if (value == null) {
                return fallback;
            }
            if (value < 512) {
                throw new IllegalArgumentException("hotel.http buffer sizes are at least 512 bytes, not " + value);
            }
            return value;
        }
    }

    private final Settings settings;

    LeanConnections(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(LeanHttp11NioProtocol.class.getName());
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("responseBufferBytes", Integer.toString(settings.responseBufferBytes()));
            connector.setProperty("socket.appReadBufSize", Integer.toString(settings.socketReadBufferBytes()));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(settings.socketWriteBufferBytes()));
        });
    }
}
