package hotel.booking.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whom a request is counted against: its remote address, which is the client's own unless the app
 * runs behind a proxy it trusts ({@code server.forward-headers-strategy=native} and
 * {@code server.tomcat.remoteip.internal-proxies}); {@code X-Forwarded-For} is never read here, so
 * a client cannot choose whom it is counted as. An IPv6 client counts by its /64 network, the
 * block one household or host gets.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (remote == null || remote.indexOf(':') < 0) {
            return remote;
        }
        try {
            // a literal with a colon is parsed, never looked up in DNS
            InetAddress address = InetAddress.getByName(remote);
            if (address instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remote;
        }
    }
}
