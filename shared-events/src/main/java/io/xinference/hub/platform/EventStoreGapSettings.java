package io.xinference.hub.platform;

import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * How long a hole in the event store's global index is waited for, in both apps (every streaming processor reads
 * through the same {@link JpaEventStorageEngine}).
 * <p>
 * A global index is taken from {@code domain_event_entry_seq} when the event is inserted, before its transaction
 * commits, so a reader may see index n+1 while n is a transaction still in flight. Axon remembers n as a gap and
 * asks for it again on every fetch, <em>unless</em> the event it read above the gap carries a message timestamp
 * older than {@code gapTimeout}, or the token has more than {@code gapCleaningThreshold} gaps and the event after
 * the gap is that old: then the gap is given up and an event committed into it later is skipped for ever, without
 * a log line (AxonFramework #4829, #2958). The reader's lag plays no part: for n to be open when n+1 looks that
 * old, n's transaction must have been open (from its insert to its commit) for about {@code gapTimeout}, less the
 * time n+1 spent between its creation and its insert.
 * <p>
 * So the rule is: {@code gapTimeout} well above the longest a transaction that writes events can live. The
 * command side bounds that: no SQL after {@code spring.transaction.default-timeout} (30 s), no statement longer
 * than {@code statement_timeout} (30 s), no commit later than {@code idle_in_transaction_session_timeout} (30 s)
 * after the last statement: about 60–90 s at worst. Axon's default of 60 s is below that; ours is 10 minutes
 * ({@code hub.event-store.gap-timeout}, {@code HUB_EVENT_GAP_TIMEOUT}). The cost: a gap that will never fill (a
 * rolled-back insert: every lost write race consumes an index) is carried in the tokens for up to 10 minutes
 * instead of one, so each fetch sends it in its {@code IN (...)} list, and while more than
 * {@code gapCleaningThreshold} (250, Axon's default, {@code hub.event-store.gap-cleaning-threshold}) are carried
 * each fetch also runs the cleaning query over their range; Axon's {@code maxGapOffset} (10,000 events) still
 * bounds the list. At this hub's write rates (tens of commands a second) that is a few hundred ids at most.
 */
@AutoConfiguration
@ConditionalOnClass(JpaEventStorageEngine.class)
public class EventStoreGapSettings {

    public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_GAP_CLEANING_THRESHOLD = 250;

    private static final Logger LOG = LoggerFactory.getLogger(EventStoreGapSettings.class);

    @Bean
    static BeanPostProcessor hubEventStoreGapSettings(Environment environment) {
        String configured = environment.getProperty("hub.event-store.gap-timeout", "");
        Duration gapTimeout = configured.isBlank() ? DEFAULT_GAP_TIMEOUT : DurationStyle.detectAndParse(configured);
        int cleaningThreshold = environment.getProperty("hub.event-store.gap-cleaning-threshold", Integer.class,
                DEFAULT_GAP_CLEANING_THRESHOLD);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JpaEventStorageEngine engine) {
                    engine.setGapTimeout(Math.toIntExact(gapTimeout.toMillis()));
                    engine.setGapCleaningThreshold(cleaningThreshold);
                    LOG.info("Event store gaps: waited for {} (gap timeout), cleaned above {} gaps", gapTimeout,
                            cleaningThreshold);
                }
                return bean;
            }
        };
    }
}
