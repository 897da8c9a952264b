package hotel.booking.command.room;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a command to a Room and waits a bounded time for its decision. */
@Component
public class RoomCommands {

    private final CommandGateway gateway;
    private final Duration timeout;

    RoomCommands(CommandGateway gateway, @Value("${hotel.command.timeout:10s}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public <R> R send(Object command) {
        try {
            return gateway.<R>send(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new CommandTimedOut(command, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandTimedOut(command, timeout);
        }
    }

    /** No decision came back in time: the command may or may not have been carried out. */
    public static class CommandTimedOut extends RuntimeException {
        CommandTimedOut(Object command, Duration timeout) {
            super(command.getClass().getSimpleName() + " got no answer within " + timeout.toSeconds() + " s");
        }
    }
}
