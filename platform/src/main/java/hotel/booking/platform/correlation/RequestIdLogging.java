package hotel.booking.platform.correlation;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * While a command or event is handled, wherever that happens (a retry thread, an event processor,
 * another node), its log lines carry the id of the request it came from.
 */
class RequestIdLogging implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object requestId = unitOfWork.getMessage().getMetaData().get(AuditMetadata.REQUEST_ID);
        if (requestId == null) {
            return chain.proceed();
        }
        String previous = MDC.get(RequestIdFilter.MDC_KEY);
        MDC.put(RequestIdFilter.MDC_KEY, requestId.toString());
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(RequestIdFilter.MDC_KEY);
            } else {
                MDC.put(RequestIdFilter.MDC_KEY, previous);
            }
        }
    }
}
