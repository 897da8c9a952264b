package hotel.booking.app.observability;

import hotel.booking.api.ReserveRoom;
import hotel.booking.command.room.RejectionDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Counts what the Rooms decide, once per command and only when the decision is final:
 * {@code hotel.bookings{outcome=accepted|rejected}} for bookings and {@code hotel.rejections{command,
 * rejection}} for every refusal. A command that lost a race for its Room is rolled back and retried, and
 * only its retry is counted.
 */
class RoomDecisionMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    RoomDecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        // from zero, so that rates and dashboards work before the first booking
        booking("accepted");
        booking("rejected");
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        Class<?> command = unitOfWork.getMessage().getPayloadType();
        unitOfWork.afterCommit(committed -> {
            if (command == ReserveRoom.class) {
                booking("accepted").increment();
            }
        });
        unitOfWork.onRollback(rolledBack -> RejectionDetails.of(rolledBack.getExecutionResult().getExceptionResult())
                .ifPresent(refusal -> {
                    rejection(command, refusal).increment();
                    if (command == ReserveRoom.class) {
                        booking("rejected").increment();
                    }
                }));
        return interceptorChain.proceed();
    }

    private Counter booking(String outcome) {
        return Counter.builder("hotel.bookings")
                      .description("Booking requests the Rooms decided")
                      .tag("outcome", outcome)
                      .register(registry);
    }

    private Counter rejection(Class<?> command, RejectionDetails refusal) {
        return Counter.builder("hotel.rejections")
                      .description("Commands the Rooms refused, by reason")
                      .tag("command", command.getSimpleName())
                      .tag("rejection", refusal.rejection().name())
                      .register(registry);
    }
}
