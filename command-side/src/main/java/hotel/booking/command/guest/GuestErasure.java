package hotel.booking.command.guest;

import hotel.booking.api.GuestErased;
import hotel.booking.platform.correlation.AuditMetadata;
import hotel.booking.platform.privacy.GuestKeys;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Erases a guest's personal data: destroys the guest's key and records {@link GuestErased}, in one
 * transaction (on Axon Server the event goes there, the key is still destroyed only if it got there).
 */
@Component
class GuestErasure {

    private final GuestKeys keys;
    private final EventGateway events;
    private final TransactionTemplate transaction;

    GuestErasure(GuestKeys keys, EventGateway events, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @return the erasure, or empty when no personal data of this guest is kept (unknown, or erased before) */
    Optional<GuestErased> erase(String guestId, String erasedBy) {
        return transaction.execute(status -> keys.destroy(guestId).map(at -> {
            GuestErased erased = new GuestErased(guestId, erasedBy, at);
            events.publish(GenericEventMessage.asEventMessage(erased).andMetaData(AuditMetadata.ofCurrentRequest()));
            return erased;
        }));
    }
}
