package hotel.booking.app.sample;

import hotel.booking.api.RegisterRoom;
import hotel.booking.api.RoomType;
import hotel.booking.app.role.Roles;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * On a first start of the embedded default, a small hotel to try things on: rooms 101 to 110 of
 * several types, registered by a node that handles commands. Rooms already there are left alone; off in
 * production ({@code hotel.sample-rooms}).
 */
@Component
@Profile(Roles.HANDLES_COMMANDS)
@ConditionalOnProperty(name = "hotel.sample-rooms", havingValue = "true")
class SampleRooms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleRooms.class);

    static final List<RegisterRoom> ROOMS = List.of(
            new RegisterRoom("101", RoomType.SINGLE, 1, new BigDecimal("79.00")),
            new RegisterRoom("102", RoomType.SINGLE, 1, new BigDecimal("79.00")),
            new RegisterRoom("103", RoomType.DOUBLE, 2, new BigDecimal("119.00")),
            new RegisterRoom("104", RoomType.DOUBLE, 2, new BigDecimal("119.00")),
            new RegisterRoom("105", RoomType.DOUBLE, 2, new BigDecimal("129.00")),
            new RegisterRoom("106", RoomType.TWIN, 2, new BigDecimal("115.00")),
            new RegisterRoom("107", RoomType.TWIN, 2, new BigDecimal("115.00")),
            new RegisterRoom("108", RoomType.FAMILY, 4, new BigDecimal("189.00")),
            new RegisterRoom("109", RoomType.FAMILY, 5, new BigDecimal("209.00")),
            new RegisterRoom("110", RoomType.SUITE, 3, new BigDecimal("299.00")));

    private final CommandGateway commands;
    private final EventStore eventStore;

    SampleRooms(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RegisterRoom> missing = ROOMS.stream()
                .filter(room -> eventStore.lastSequenceNumberFor(room.roomNumber()).isEmpty())
                .toList();
        missing.forEach(commands::sendAndWait);
        if (!missing.isEmpty()) {
            log.info("Registered {} sample rooms: {}", missing.size(),
                    missing.stream().map(RegisterRoom::roomNumber).toList());
        }
    }
}
