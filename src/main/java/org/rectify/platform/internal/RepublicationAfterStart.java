package org.rectify.platform.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Hands the event publications an earlier run left outstanding (a stop or crash before their listeners had run) to
 * their listeners again, as Spring Modulith's republication at restart did, but after the web server has opened, on a
 * thread of its own (start-up, issue 14). Modulith's marks each one resubmitted, in a transaction of its own, and hands
 * it to its listener on the main thread while the beans are made: the 19,960 reminders of a province's morning that a
 * stop left outstanding held a start for 70 s, and for 350 s under load. The listeners are asynchronous
 * ({@code @ApplicationModuleListener}), so the start never waited for them to finish: no read after the start could
 * count on their work before, and none can now; only the hand-over moved off the start's path.
 * <p>
 * Which ones: those outstanding when the beans have been made, before this run has published anything (the demo's load
 * publishes with its replayed past times, so a time would not tell its events from an earlier run's). This run's own
 * publications are its listeners' already; handing them over again would run a listener twice.
 */
@Component
class RepublicationAfterStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RepublicationAfterStart.class);
    // Modulith's registry table (V1; no generated class: build/module-tables.properties gives it to no module)
    private static final Table<?> PUBLICATION = DSL.table(DSL.name("event_publication"));
    private static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    private static final Field<?> COMPLETION_DATE = DSL.field(DSL.name("completion_date"));
    private static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);

    private final DSLContext db;
    private final IncompleteEventPublications incomplete;
    /** Off for the commands' contexts (rectify.events.republish-after-start): decided here, not by a condition on the bean. */
    private final boolean enabled;
    private volatile Set<UUID> earlier = Set.of();
    private volatile boolean stopping;

    RepublicationAfterStart(DSLContext db, IncompleteEventPublications incomplete,
                            @Value("${rectify.events.republish-after-start:false}") boolean enabled) {
        this.enabled = enabled;
        this.db = db;
        this.incomplete = incomplete;
    }

    /** Notes the earlier run's outstanding publications: their ids only, through the outstanding ones' index (V64). */
    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            return;
        }
        earlier = Set.copyOf(db.select(ID).from(PUBLICATION)
                .where(COMPLETION_DATE.isNull().or(STATUS.ne("COMPLETED")))
                .fetch(ID));
    }

    @EventListener(ApplicationReadyEvent.class)
    void republish() {
        Set<UUID> ids = earlier;
        earlier = Set.of();
        if (ids.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> resubmit(ids), "republish-outstanding");
        thread.setDaemon(true); // a stop meanwhile leaves the rest outstanding for the next start, as a crash would
        thread.start();
    }

    /** A stop ends the hand-over at the next publication (Modulith filters them one by one as it hands them over). */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    void resubmit(Set<UUID> ids) {
        long start = System.nanoTime();
        try {
            incomplete.resubmitIncompletePublications(publication -> !stopping && ids.contains(publication.getIdentifier()));
            log.info("events: {} publications an earlier run left outstanding handed to their listeners in {} ms{}",
                    ids.size(), (System.nanoTime() - start) / 1_000_000, stopping ? ", stopped before the end" : "");
        } catch (RuntimeException e) {
            if (!stopping) {
                throw e;
            }
            log.info("events: the hand-over of an earlier run's publications stopped with the application; the rest "
                    + "stay outstanding for the next start");
        }
    }

    Set<UUID> earlier() {
        return earlier;
    }
}
