package hotel.booking.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(10), 100, now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aClientGetsItsBurstThenWaitsForTheNextToken() {
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();

        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(10));
        advance(Duration.ofSeconds(4));
        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(6));
        advance(Duration.ofSeconds(6));
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusedAttemptsDoNotPushTheWaitFurther() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        for (int i = 0; i < 50; i++) {
            assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void anIdleClientRefillsToItsWholeBurstAndNoMore() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        advance(Duration.ofHours(1));

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a")).isZero();
        }
        assertThat(buckets.take("a")).isPositive();
    }

    @Test
    void clientsAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).isZero();
    }

    @Test
    void fullBucketsAreForgottenSoMemoryStaysBounded() {
        TokenBuckets few = new TokenBuckets(3, Duration.ofSeconds(10), 10, now::get);
        for (int i = 0; i < 10; i++) {
            few.take("client-" + i);
        }
        advance(Duration.ofMinutes(1));
        few.take("busy");
        few.take("busy");
        few.take("newcomer");

        assertThat(few.clients()).isEqualTo(2);
        assertThat(few.take("busy")).isZero();
        assertThat(few.take("busy")).isPositive();
    }
}
