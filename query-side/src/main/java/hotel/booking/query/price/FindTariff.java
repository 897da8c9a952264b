package hotel.booking.query.price;

/** A room's nightly rate and its rates by date. */
public record FindTariff(String roomNumber) {
}
