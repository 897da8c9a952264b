package hotel.booking.query.room;

import hotel.booking.api.RoomRegistered;
import hotel.booking.api.RoomType;
import hotel.booking.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class RoomProjectionTest {

    private final RoomProjection projection =
            new RoomProjection(JdbcClient.create(TestPostgres.migratedDataSource()));

    @Test
    void roomsAreListedInRoomNumberOrder() {
        projection.on(new RoomRegistered("1001", RoomType.SUITE, 3, new BigDecimal("300.00")));
        projection.on(new RoomRegistered("102", RoomType.SINGLE, 1, new BigDecimal("80.00")));
        projection.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("120.00")));

        assertThat(projection.handle(new ListRooms())).extracting(RoomView::roomNumber)
                                                      .containsExactly("101", "102", "1001");
        assertThat(projection.handle(new ListRooms()).get(0))
                .isEqualTo(new RoomView("101", RoomType.DOUBLE, 2, new BigDecimal("120.00")));
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(new RoomRegistered("101", RoomType.DOUBLE, 2, new BigDecimal("120.00")));

        projection.reset();

        assertThat(projection.handle(new ListRooms())).isEmpty();
    }
}
