package hotel.booking.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param heartbeat         a comment line at least this often keeps proxies from closing an idle stream,
 *                          and finds clients that went away
 * @param retry             the reconnect delay suggested to browsers
 * @param retryOnShutdown   the delay suggested when this node shuts down, so clients move on quickly
 * @param maxBufferedBytes  what a client may fall behind before it is cut off (it resumes with Last-Event-ID)
 * @param writerThreads     threads that write to clients; writes never block them
 */
@ConfigurationProperties("hotel.stream")
record StreamSettings(Duration heartbeat, Duration retry, Duration retryOnShutdown, int maxBufferedBytes,
                      int writerThreads) {

    StreamSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        retry = retry == null ? Duration.ofSeconds(3) : retry;
        retryOnShutdown = retryOnShutdown == null ? Duration.ofMillis(500) : retryOnShutdown;
        maxBufferedBytes = maxBufferedBytes <= 0 ? 1 << 20 : maxBufferedBytes;
        writerThreads = writerThreads <= 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : writerThreads;
    }
}
