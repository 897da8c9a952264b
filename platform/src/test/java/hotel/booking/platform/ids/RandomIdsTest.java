package hotel.booking.platform.ids;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsTest {

    @Test
    void axonMakesItsIdentifiersHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIds.class);
    }

    @Test
    void idsAreVersionFourVariantTwoUuidsAndDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = RandomIds.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void everyRandomBitVaries() {
        long highOr = 0, highAnd = -1, lowOr = 0, lowAnd = -1;
        for (int i = 0; i < 1_000; i++) {
            UUID id = RandomIds.next();
            highOr |= id.getMostSignificantBits();
            highAnd &= id.getMostSignificantBits();
            lowOr |= id.getLeastSignificantBits();
            lowAnd &= id.getLeastSignificantBits();
        }
        long fixedHigh = 0xF000L;
        long fixedLow = 0xC000L << 48;
        assertThat(highOr | fixedHigh).as("every free bit of the high half is set somewhere").isEqualTo(-1L);
        assertThat(highAnd & ~fixedHigh).as("and cleared somewhere").isZero();
        assertThat(lowOr | fixedLow).isEqualTo(-1L);
        assertThat(lowAnd & ~fixedLow).isZero();
    }
}
