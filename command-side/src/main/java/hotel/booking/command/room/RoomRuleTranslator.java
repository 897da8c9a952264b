package hotel.booking.command.room;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns a refusal into a {@link CommandExecutionException} whose details say why
 * ({@link RejectionDetails}), so the reason survives a distributed command bus (Axon Server),
 * where exceptions themselves do not travel.
 */
class RoomRuleTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RoomRuleViolation violation) {
            throw rejected(violation.rejection(), violation.getMessage(), violation);
        } catch (AggregateNotFoundException notFound) {
            throw rejected(Rejection.ROOM_NOT_FOUND,
                    "There is no room " + notFound.getAggregateIdentifier(), notFound);
        }
    }

    private static CommandExecutionException rejected(Rejection rejection, String detail, Exception cause) {
        return new CommandExecutionException(detail, cause, new RejectionDetails(rejection, detail));
    }
}
