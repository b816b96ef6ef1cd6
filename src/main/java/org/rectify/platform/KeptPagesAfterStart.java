package org.rectify.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Reads the embedded server's kept pages ({@link KeptPages}) once the web server is open, on a thread of its own, so
 * the start does not wait for them (issue 14). A stop ends it between two chunks; the pages then in memory are what
 * autoprewarm writes down at the stop.
 */
class KeptPagesAfterStart {

    private static final Logger log = LoggerFactory.getLogger(KeptPagesAfterStart.class);

    private final EmbeddedDatabaseServer server;
    private volatile boolean stopping;

    KeptPagesAfterStart(EmbeddedDatabaseServer server) {
        this.server = server;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                long pages = server.keptPages().load(() -> stopping);
                if (pages > 0) {
                    log.info("embedded database: {} pages kept in memory at the last stop read back after the start in {} ms{}",
                            pages, (System.nanoTime() - started) / 1_000_000, stopping ? ", stopped before the end" : "");
                }
            } catch (Exception e) { // only the first reads after a start are slower: pages are read when asked for
                log.warn("embedded database: the pages kept at the last stop were not read back: {}", e.getMessage());
            }
        }, "kept-pages");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }
}
