package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up (issue 14): what Spring Modulith republishes at every start, the outstanding publications, is found through
 * {@code event_publication_outstanding_idx} (V64), not by reading every completed publication ever kept, and is still
 * exactly the outstanding ones.
 */
@IntegrationTest
class OutstandingPublicationsTests {

    /** The statement Modulith's JDBC repository runs for the outstanding publications (seen in the server's log). */
    private static final String REGISTRY_QUERY = "SELECT ID, COMPLETION_DATE, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE,"
            + " SERIALIZED_EVENT, STATUS, COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE FROM EVENT_PUBLICATION"
            + " WHERE COMPLETION_DATE IS NULL OR STATUS != 'COMPLETED' ORDER BY PUBLICATION_DATE ASC";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EventPublicationRegistry registry;
    @Autowired
    EventSerializer serializer;

    @Test
    void the_outstanding_publications_are_found_through_their_index_and_are_exactly_the_outstanding_ones() {
        UUID outstanding = UUID.randomUUID();
        UUID completed = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        try {
            insert(outstanding, null, "PUBLISHED");
            insert(completed, Instant.now(), "COMPLETED");
            insert(failed, null, "FAILED");

            assertThat(registry.findIncompletePublications()).extracting(TargetEventPublication::getIdentifier)
                    .contains(outstanding, failed).doesNotContain(completed);

            List<String> plan = transactions.execute(s -> {
                jdbc.execute("set local enable_seqscan = off"); // the few test rows alone would not say whether it can
                return jdbc.queryForList("explain " + REGISTRY_QUERY, String.class);
            });
            assertThat(String.join("\n", plan)).contains("event_publication_outstanding_idx");
        } finally {
            jdbc.update("delete from event_publication where id in (?, ?, ?)", outstanding, completed, failed);
        }
    }

    private void insert(UUID id, Instant completedAt, String status) {
        WorkingDaysChanged event = new WorkingDaysChanged("admin", "calendar.day-set", "calendar-day:2026-10-01",
                Instant.parse("2026-10-01T00:00:00Z"));
        jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, status, completion_attempts) values (?, ?, ?, ?, ?, ?, ?, 1)",
                id, "outstanding-publications-test", WorkingDaysChanged.class.getName(),
                serializer.serialize(event).toString(), Timestamp.from(Instant.now()),
                completedAt == null ? null : Timestamp.from(completedAt), status);
    }
}
