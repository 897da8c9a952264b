package hotel.booking.platform.ratelimit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({
            "203.0.113.7,                        203.0.113.7",
            "2001:db8:85a3:1:2:8a2e:370:7334,    2001:db8:85a3:1:0:0:0:0/64",
            "2001:db8:85a3:1:ffff::1,            2001:db8:85a3:1:0:0:0:0/64",
            "::ffff:203.0.113.7,                 203.0.113.7",
    })
    void aClientIsCountedByItsAddressAndAnIpv6ClientByItsNetwork(String remote, String counted) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", "198.51.100.1");

        assertThat(ClientAddress.of(request)).isEqualTo(counted);
    }
}
