package hotel.booking.command.reservation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Deadlines in PostgreSQL (db-scheduler's {@code scheduled_tasks}): a hold's expiry is written in
 * the transaction that appends its {@code RoomHeld}, survives a restart, and fires on exactly one
 * command node of a cluster (a due row is locked by the node that picks it). Only command nodes
 * run the scheduler: they are the ones that can load a Room to hand it its deadline.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, ApplicationContext context,
                                @Value("${hotel.holds.polling-interval:1s}") Duration pollingInterval) {
        var expiries = retriedSoon(
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class)));
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(expiries))
                        .pollingInterval(pollingInterval)
                        .pollUsingLockAndFetch(0.5, 1.0)
                        .threads(2)
                        .heartbeatInterval(Duration.ofSeconds(10))
                        .shutdownMaxWait(Duration.ofSeconds(5))
                        .commitWhenAutocommitDisabled(false)
                        .build();
    }

    /**
     * Axon's deadline task, retried after half a second (doubling) instead of db-scheduler's default five
     * minutes when it fails. It fails when the Room's append loses a race: another node booked the room
     * since this node cached it, or at the same moment. The retry loads the room afresh, so a hold still
     * expires on time.
     */
    static Task<DbSchedulerBinaryDeadlineDetails> retriedSoon(Task<DbSchedulerBinaryDeadlineDetails> axonTask) {
        return new OneTimeTask<>(axonTask.getName(), axonTask.getDataClass(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMillis(500), 2.0),
                axonTask.getDeadExecutionHandler()) {
            @Override
            public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> instance, ExecutionContext context) {
                axonTask.execute(instance, context);
            }
        };
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler deadlineScheduler, org.axonframework.config.Configuration axon,
                                    Serializer serializer, TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                                         .scheduler(deadlineScheduler)
                                         .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                                         .serializer(serializer)
                                         .transactionManager(transactionManager)
                                         .startScheduler(false)
                                         .stopScheduler(false)
                                         .build();
    }

    /** Polls once Axon has started (its Rooms can take deadlines), stops before Axon does. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 2048;
            }
        };
    }
}
