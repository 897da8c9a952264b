package hotel.booking.platform.correlation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps each command, on the thread that sends it, with its {@link Origin}. What a command already
 * carries is kept: a retried command keeps its first request's id, and a command sent while
 * handling an event has inherited that event's origin through Axon's correlation data.
 */
class OriginDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> missing = new HashMap<>(Origin.current().asMetaData());
            missing.keySet().removeAll(command.getMetaData().keySet());
            return missing.isEmpty() ? command : command.andMetaData(missing);
        };
    }
}
