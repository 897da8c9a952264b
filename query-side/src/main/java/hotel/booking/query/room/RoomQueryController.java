package hotel.booking.query.room;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/rooms")
class RoomQueryController {

    private final QueryGateway queries;

    RoomQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    List<RoomView> rooms() {
        return queries.query(new ListRooms(), ResponseTypes.multipleInstancesOf(RoomView.class)).join();
    }
}
