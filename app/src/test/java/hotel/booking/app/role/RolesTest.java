package hotel.booking.app.role;

import hotel.booking.api.ReleaseReason;
import hotel.booking.api.ReleaseRoom;
import hotel.booking.command.room.Rejection;
import hotel.booking.command.room.RejectionDetails;
import hotel.booking.query.room.ListRooms;
import hotel.booking.query.room.RoomView;
import hotel.booking.testsupport.FreshPostgres;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** One jar, three roles: which handlers, processors and routes each kind of node has. */
class RolesTest {

    private static final Set<String> COMMAND_ROUTES = Set.of("POST /api/rooms", "POST /api/reservations",
            "DELETE /api/reservations/{reservationId}", "PUT /api/rooms/{roomNumber}/rates",
            "PATCH /api/reservations/{reservationId}", "POST /api/reservations/{reservationId}/move",
            "POST /api/holds", "POST /api/holds/{holdId}/confirm",
            "POST /api/rooms/{roomNumber}/blocks", "DELETE /api/rooms/{roomNumber}/blocks/{blockId}",
            "DELETE /api/guests/{guestId}", "DELETE /api/guests");
    private static final Set<String> QUERY_ROUTES = Set.of("GET /api/rooms", "GET /api/reservations/{reservationId}",
            "GET /api/availability", "GET /api/availability/stream", "GET /api/reports/occupancy",
            "GET /api/reports/cancellations", "GET /api/reports/lead-times", "GET /api/audit/events",
            "GET /api/audit/rooms/{roomNumber}/history", "GET /api/audit/reservations/{reservationId}/history",
            "GET /api/audit/availability", "GET /api/quote", "GET /api/rooms/{roomNumber}/rates",
            "GET /api/admin/projections", "GET /api/admin/projections/{name}", "POST /api/admin/projections/{name}/replay",
            "GET /api/admin/projections/stream");
    private static final Set<String> COMMAND_PROCESSORS = Set.of("reservation-registry", "reservation-moves");
    private static final Set<String> QUERY_PROCESSORS = Set.of("rooms", "reservations", "availability", "reports");

    abstract static class Node {

        @Autowired
        ApplicationContext context;
        @Autowired
        CommandGateway commands;
        @Autowired
        QueryGateway queries;
        @Autowired
        EventProcessingConfiguration processing;
        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mappings;

        Set<String> processors() {
            return processing.eventProcessors().keySet();
        }

        Set<String> routes() {
            return mappings.getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getMethodsCondition().getMethods().stream()
                            .flatMap(method -> info.getPatternValues().stream().map(path -> method + " " + path)))
                    .collect(Collectors.toSet());
        }

        /** A command only a Room handles: refused (the room does not exist) where Rooms run, unrouted elsewhere. */
        Throwable releaseInAMissingRoom() {
            return catchThrowable(() -> commands.sendAndWait(
                    new ReleaseRoom("9999", UUID.randomUUID(), ReleaseReason.CANCELLED_BY_STAFF)));
        }

        Throwable listRooms() {
            return catchThrowable(() -> queries.query(new ListRooms(), ResponseTypes.multipleInstancesOf(RoomView.class))
                                               .join());
        }

        void handlesCommands() {
            assertThat(RejectionDetails.of(releaseInAMissingRoom())).map(RejectionDetails::rejection)
                                                                    .contains(Rejection.ROOM_NOT_FOUND);
            assertThat(routes()).containsAll(COMMAND_ROUTES);
            assertThat(processors()).containsAll(COMMAND_PROCESSORS);
            assertThat(context.containsBean("sampleRooms")).isTrue();
        }

        void answersQueries() {
            assertThat(listRooms()).isNull();
            assertThat(routes()).containsAll(QUERY_ROUTES);
            assertThat(processors()).containsAll(QUERY_PROCESSORS);
        }
    }

    @Nested
    @SpringBootTest
    @FreshPostgres
    class WithNoRole extends Node {

        @Test
        void runsEverything() {
            handlesCommands();
            answersQueries();
            assertThat(processors()).hasSize(COMMAND_PROCESSORS.size() + QUERY_PROCESSORS.size());
        }
    }

    @Nested
    @SpringBootTest
    @ActiveProfiles(Roles.COMMAND)
    @FreshPostgres
    class CommandNode extends Node {

        @Test
        void decidesBookingsAndKeepsNoReadModel() {
            handlesCommands();
            assertThat(processors()).isEqualTo(COMMAND_PROCESSORS);
            assertThat(routes()).doesNotContainAnyElementsOf(QUERY_ROUTES);
            assertThat(context.containsBean("deadlineScheduler")).as("command nodes give back expired holds").isTrue();
            assertThat(listRooms()).isInstanceOf(CompletionException.class)
                                   .hasCauseInstanceOf(NoHandlerForQueryException.class);
        }
    }

    @Nested
    @SpringBootTest
    @ActiveProfiles(Roles.QUERY)
    @FreshPostgres
    class QueryNode extends Node {

        @Test
        void keepsReadModelsAndHandlesNoCommand() {
            answersQueries();
            assertThat(processors()).isEqualTo(QUERY_PROCESSORS);
            assertThat(routes()).doesNotContainAnyElementsOf(COMMAND_ROUTES);
            assertThat(releaseInAMissingRoom()).isInstanceOf(NoHandlerForCommandException.class);
            assertThat(context.containsBean("sampleRooms")).as("sample rooms are registered where commands are handled")
                                                           .isFalse();
            assertThat(context.containsBean("deadlineScheduler"))
                    .as("only nodes with Rooms run deadlines: a query node could not hand one to its Room").isFalse();
        }
    }

    @Nested
    @SpringBootTest
    @ActiveProfiles({Roles.COMMAND, Roles.QUERY})
    @FreshPostgres
    class WithBothRoles extends Node {

        @Test
        void runsEverything() {
            handlesCommands();
            answersQueries();
        }
    }
}
