package org.rectify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.units.Units;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded demo's 临沧 plan as tests find it: its text, its id, its tasks by the references of the plan text, and
 * the city office that runs it.
 */
public final class Demo {

    public static final String PLAN_TITLE = "临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案";

    private Demo() {
    }

    /**
     * The day the demo was loaded, in the clock's zone: the dates of its story are set from it. Its last month's
     * circular, the first of the run, is drafted on that day's clock; a run that passes midnight reads the demo against
     * that day, not the next.
     */
    public static LocalDate loadedOn(JdbcTemplate jdbc, Clock clock) {
        return jdbc.queryForObject("select created_at from circular order by id limit 1", OffsetDateTime.class)
                .atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    /** The 临沧 plan as the inspection's office published it (the seed of the project). */
    public static String seedText() {
        try (InputStream in = Demo.class.getResourceAsStream("/intake/lincang-2018.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The city's office (市整改办, the demo's {@code office}) as a caller of the modules' API. */
    public static Caller cityOffice(Units units) {
        return new Caller(0, "office", "市整改办", units.resolve("临沧市").orElseThrow().id(), "临沧市", Role.OFFICE,
                DataScope.ofJurisdiction(unitPath(units, "临沧市")));
    }

    public static long planId(Plans plans) {
        return plans.findByTitle(PLAN_TITLE).orElseThrow();
    }

    public static long taskId(TaskLedger ledger, Plans plans, String ref) {
        return ledger.find(LedgerFilter.ofPlan(planId(plans), LedgerFilter.MAX_PAGE_SIZE), DataScope.ALL)
                .tasks().stream().filter(t -> t.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo plan has no task " + ref)).id();
    }

    /**
     * The three scopes the read-path tests compare old and new paths in: the office running the plan, a county
     * office, and a department's staff.
     */
    public static Map<String, DataScope> scopes(Units units) {
        Map<String, DataScope> scopes = new LinkedHashMap<>();
        scopes.put("office", DataScope.ofJurisdiction(unitPath(units, "临沧市")));
        scopes.put("linxiang-office", DataScope.ofJurisdiction(unitPath(units, "临翔区")));
        scopes.put("epb-staff", DataScope.ofUnit(unitPath(units, "市环境保护局")));
        return scopes;
    }

    public static String unitPath(Units units, String unitName) {
        return units.get(units.resolve(unitName).orElseThrow().id()).path();
    }
}
