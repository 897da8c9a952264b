package hotel.booking.command.reservation;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    void aKeyAlwaysNamesTheSameReservationAndTwoKeysTwo() {
        UUID first = IdempotencyKey.parse("order-2031-0001-abcdef").reservationId();

        assertThat(IdempotencyKey.parse("order-2031-0001-abcdef").reservationId()).isEqualTo(first);
        assertThat(IdempotencyKey.parse("\"order-2031-0001-abcdef\"").reservationId()).isEqualTo(first);
        assertThat(IdempotencyKey.parse("order-2031-0001-abcdeg").reservationId()).isNotEqualTo(first);
        assertThat(first.version()).isEqualTo(5);
        assertThat(first.variant()).isEqualTo(2);
    }

    @Test
    void aReservationIdSentAlongMustBeTheKeysOwn() {
        IdempotencyKey key = IdempotencyKey.parse("order-2031-0001-abcdef");

        assertThat(key.reservationIdFor(null)).isEqualTo(key.reservationId());
        assertThat(key.reservationIdFor(key.reservationId())).isEqualTo(key.reservationId());
        assertThatThrownBy(() -> key.reservationIdFor(UUID.randomUUID())).isInstanceOf(IdempotencyKey.Unusable.class);
    }
}
