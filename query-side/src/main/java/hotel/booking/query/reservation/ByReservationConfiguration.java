package hotel.booking.query.reservation;

import hotel.booking.query.report.ReportProjection;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ByReservationConfiguration {

    /** The projections keyed by reservation, spread over segments by reservation rather than by room. */
    @Autowired
    void orderByReservation(EventProcessingConfigurer processing) {
        ByReservation policy = new ByReservation();
        processing.registerSequencingPolicy(ReservationProjection.PROCESSING_GROUP, configuration -> policy);
        processing.registerSequencingPolicy(ReportProjection.PROCESSING_GROUP, configuration -> policy);
    }
}
