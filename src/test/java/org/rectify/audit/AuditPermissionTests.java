package org.rectify.audit;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own database role can append to the chain but never rewrite it: by grants (permission denied
 * before any trigger runs), and the owner is stopped by the append-only trigger unless it switches it off.
 */
@IntegrationTest
class AuditPermissionTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedDatabaseServer database;
    @Autowired
    ApplicationEventPublisher events;

    @Test
    void the_application_role_is_denied_updating_deleting_or_emptying_audit_rows() {
        events.publishEvent(new AuditChainTests.Probe("权限测试", "probe.permission", "probe:permission", "x"));
        JdbcTemplate app = new JdbcTemplate(dataSource);
        assertThat(app.queryForObject("select current_user", String.class)).isEqualTo(EmbeddedDatabaseServer.APPLICATION);
        assertThat(app.queryForObject("select count(*) from audit_entry", Long.class)).isPositive();

        for (String sql : new String[]{
                "update audit_entry set actor = 'x' where seq = 1",
                "delete from audit_entry where seq = 1",
                "truncate audit_entry",
                "update audit_anchor set hash = 'x'",
                "delete from audit_anchor",
                "truncate audit_anchor"}) {
            assertThatThrownBy(() -> app.execute(sql)).as(sql).rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void even_the_owner_is_stopped_by_the_append_only_trigger() {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        assertThatThrownBy(() -> owner.execute("update audit_entry set actor = 'x' where seq = 1"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.execute("delete from audit_entry"))
                .rootCause().hasMessageContaining("append-only");
    }
}
