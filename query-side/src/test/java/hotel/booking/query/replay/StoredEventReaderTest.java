package hotel.booking.query.replay;

import com.fasterxml.jackson.databind.json.JsonMapper;
import hotel.booking.api.Guest;
import hotel.booking.platform.privacy.GuestIds;
import hotel.booking.platform.privacy.GuestKeys;
import hotel.booking.platform.privacy.SealedGuests;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StoredEventReaderTest {

    private static final String GUEST = Guest.class.getName();

    private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final GuestKeys keys = mock(GuestKeys.class);
    private final JsonMapper storage = JsonMapper.builder()
            .addModule(new SealedGuests(mock(GuestIds.class), keys).module()).build();
    private final StoredEventReader reader = new StoredEventReader(JacksonSerializer.builder().objectMapper(storage).build());

    @Test
    void foldsThatReadGuestsGetThemOpenedOthersGetTheIdWithoutAKeyLookup() throws Exception {
        when(keys.forSealing("g-1")).thenReturn(key);
        when(keys.forOpening("g-1")).thenReturn(Optional.of(key));
        byte[] stored = storage.writeValueAsBytes(Guest.identified("g-1", "Ada Lovelace", "ada@example.org"));
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("Ada");

        assertThat(reader.payload(GUEST, stored)).isEqualTo(Guest.identified("g-1", "Ada Lovelace", "ada@example.org"));

        clearInvocations(keys);
        assertThat(reader.withoutGuests().payload(GUEST, stored)).isEqualTo(new Guest("g-1", null, null, false));
        verify(keys, never()).forOpening(any());
    }

    @Test
    void anErasedGuestStaysErasedWithoutItsData() throws Exception {
        byte[] stored = storage.writeValueAsBytes(Guest.erased("g-2"));

        assertThat(reader.withoutGuests().payload(GUEST, stored)).isEqualTo(Guest.erased("g-2"));
    }
}
