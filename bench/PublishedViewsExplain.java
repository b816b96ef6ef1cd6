import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import java.sql.*;

/** EXPLAIN of the reminder, warning and scope statements on the raw tables and on the views units and progress publish (V28, V29): the same plans, the views are inlined. Run: java -cp <zonky, flyway, postgresql jars> bench/PublishedViewsExplain.java src/main/resources/db/migration */
public class PublishedViewsExplain {
    public static void main(String[] a) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("filesystem:" + a[0])
                    .placeholders(java.util.Map.of("app_role", "postgres")).load().migrate();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
                String[][] q = {
                  {"reminders before", "select c.due_on, t.id, tu.unit_id from reporting_cycle c join task t on t.plan_id = c.plan_id join task_unit tu on tu.task_id = t.id and tu.role = 'LEAD' where c.due_on between current_date - 3 and current_date + 3 and not exists (select 1 from report_slot s where s.cycle_id = c.id and s.task_id = t.id and s.unit_id = tu.unit_id and (s.submitted_report_id is not null or s.state = 'AWAITING_APPROVAL'))"},
                  {"reminders after", "select c.due_on, t.id, tu.unit_id from progress_cycle c join task t on t.plan_id = c.plan_id join task_unit tu on tu.task_id = t.id and tu.role = 'LEAD' where c.due_on between current_date - 3 and current_date + 3 and not exists (select 1 from progress_slot_state s where s.cycle_id = c.id and s.task_id = t.id and s.unit_id = tu.unit_id and (s.submitted or s.awaiting_approval))"},
                  {"warnings before", "select t.id from task t where exists (select 1 from task_unit tu where tu.task_id = t.id and tu.role = 'LEAD' and not exists (select 1 from report_slot s where s.cycle_id = 1 and s.task_id = t.id and s.unit_id = tu.unit_id and s.submitted_report_id is not null))"},
                  {"warnings after", "select t.id from task t where exists (select 1 from task_unit tu where tu.task_id = t.id and tu.role = 'LEAD' and not exists (select 1 from progress_slot_state s where s.cycle_id = 1 and s.task_id = t.id and s.unit_id = tu.unit_id and s.submitted))"},
                  {"scope before", "select count(*) from task_unit tu join unit u on u.id = tu.unit_id where u.path >= '/1/' and u.path < '/10'"},
                  {"scope after", "select count(*) from task_unit tu join units_directory u on u.id = tu.unit_id where u.path >= '/1/' and u.path < '/10'"},
                };
                for (String[] e : q) {
                    System.out.println("== " + e[0]);
                    try (ResultSet rs = s.executeQuery("explain (costs off) " + e[1])) {
                        while (rs.next()) System.out.println(rs.getString(1));
                    }
                }
            }
        }
    }
}
