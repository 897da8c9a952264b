package hotel.booking.platform.web;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeanConnectionsTest {

    @Test
    void theConnectorUsesTheConfiguredBuffers() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new LeanConnections(new LeanConnections.Settings(3072, 1024, 2048)).customize(factory);
        TomcatWebServer server = (TomcatWebServer) factory.getWebServer(context -> context.addServlet("hello",
                new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void doGet(jakarta.servlet.http.HttpServletRequest request,
                                         jakarta.servlet.http.HttpServletResponse response)
                            throws java.io.IOException {
                        response.getOutputStream().print("buffer " + response.getBufferSize());
                    }
                }).addMapping("/"));
        server.start();
        try {
            Connector connector = server.getTomcat().getConnector();
            assertThat(connector.getProtocolHandler()).isInstanceOf(LeanHttp11NioProtocol.class);
            assertThat(connector.getProtocolHandler().getDesiredBufferSize()).isEqualTo(3072);
            AbstractEndpoint<?, ?> endpoint = endpoint(connector);
            assertThat(endpoint.getSocketProperties().getAppReadBufSize()).isEqualTo(1024);
            assertThat(endpoint.getSocketProperties().getAppWriteBufSize()).isEqualTo(2048);
            Response response = connector.createResponse();
            assertThat(response.getBufferSize()).isEqualTo(3072);

            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(served.body()).isEqualTo("buffer 3072");
        } finally {
            server.stop();
        }
    }

    @Test
    void defaultsAreSmallerThanTomcatsAndTinyBuffersAreRefused() {
        LeanConnections.Settings defaults = new LeanConnections.Settings(null, null, null);
        assertThat(defaults.responseBufferBytes()).isEqualTo(4096);
        assertThat(defaults.socketReadBufferBytes()).isEqualTo(2048);
        assertThat(defaults.socketWriteBufferBytes()).isEqualTo(4096);
        assertThatThrownBy(() -> new LeanConnections.Settings(100, null, null))
                .hasMessageContaining("at least 512");
    }

    private static AbstractEndpoint<?, ?> endpoint(Connector connector) throws ReflectiveOperationException {
        Field field = org.apache.coyote.AbstractProtocol.class.getDeclaredField("endpoint");
        field.setAccessible(true);
        return (AbstractEndpoint<?, ?>) field.get(connector.getProtocolHandler());
    }
}
