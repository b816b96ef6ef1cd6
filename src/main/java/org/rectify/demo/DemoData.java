package org.rectify.demo;

import org.rectify.access.Accounts;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.PlanIntake;
import org.rectify.intake.PublishedPlan;
import org.rectify.plans.TaskLedger;
import org.rectify.progress.CadenceKind;
import org.rectify.progress.CadenceSettings;
import org.rectify.progress.ReportingCycles;
import org.rectify.plans.Plans;
import org.rectify.plans.Tasks;
import org.rectify.supervision.Reminders;
import org.rectify.supervision.Warnings;
import org.rectify.units.UnitReference;
import org.rectify.units.UnitTreeImport;
import org.rectify.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads the 临沧市 demo into an empty embedded database: the unit tree, one login per role, and the
 * 2018 plan taken in through the plan parser. Never runs against a configured database.
 */
@Component
@org.springframework.core.annotation.Order(0) // the demo loads before a first administrator is considered
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${rectify.demo.enabled:true}")
class DemoData implements ApplicationRunner {

    /** For the embedded demo only; README lists it. A configured database gets no demo accounts. */
    static final String DEMO_PASSWORD = "rectify-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Units units;
    private final UnitTreeImport unitImport;
    private final Accounts accounts;
    private final PlanIntake intake;
    private final TaskLedger ledger;
    private final Tasks tasks;
    private final Plans plans;
    private final ReportingCycles cycles;
    private final TransactionTemplate transaction;
    private final Reminders reminders;
    private final Warnings warnings;
    private final boolean remindOnLoad;
    private final org.rectify.closure.LookBackScheduling lookBackScheduling;
    private final org.rectify.closure.LookBacks lookBacks;

    DemoData(Units units, UnitTreeImport unitImport, Accounts accounts, PlanIntake intake, TaskLedger ledger,
             Tasks tasks, Plans plans, ReportingCycles cycles, TransactionTemplate transaction, Reminders reminders, Warnings warnings,
             @Value("${rectify.demo.remind-on-load:true}") boolean remindOnLoad,
             org.rectify.closure.LookBackScheduling lookBackScheduling, org.rectify.closure.LookBacks lookBacks) {
        this.lookBackScheduling = lookBackScheduling;
        this.lookBacks = lookBacks;
        this.reminders = reminders;
        this.remindOnLoad = remindOnLoad;
        this.warnings = warnings;
        this.cycles = cycles;
        this.units = units;
        this.ledger = ledger;
        this.tasks = tasks;
        this.plans = plans;
        this.unitImport = unitImport;
        this.accounts = accounts;
        this.intake = intake;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (units.resolve("临沧市").isPresent()) {
            return; // loaded by an earlier start: the data belongs to its users now
        }
        transaction.executeWithoutResult(status -> {
            load("demo/units.csv", in -> unitImport.load("units.csv", in));
            load("demo/unit-groups.csv", in -> unitImport.loadGroups("unit-groups.csv", in));
            demoAccounts().forEach(accounts::create);
            // the plan is run by the city: its office, supervisors and leaders see all of it
            Caller loader = new Caller(0, "demo", "演示数据", unit("临沧市"), "临沧市", Role.ADMIN, DataScope.ALL);
            PublishedPlan plan = intake.publishText(lincangPlan(), lincangHeader(), true, loader);
            DemoStory.play(plan.planId(), ledger, tasks, loader);
            // units report monthly, by the 25th, with 5 days' grace (按月报送整改进展)
            cycles.setCadence(plan.planId(), new CadenceSettings(CadenceKind.MONTHLY, 25, 5, false, null, List.of()), loader);
            // and a small plan of 临翔区's own, so the county office has objects in its jurisdiction
            DemoCountyPlan.load(plans, tasks, unit("临翔区"), unit("临翔区政府"), unit("临翔区环境保护局"), loader);
            DemoLookBacks.load(plans, tasks, lookBackScheduling, lookBacks, unit("临沧市"), unit("市环境保护局"), unit("市林业局"), loader);
            log.info("Demo loaded: 临沧市 unit tree, {} tasks of the 2018 plan, demo logins (password {})",
                    plan.created(), DEMO_PASSWORD);
        });
        if (remindOnLoad) { // this morning's reminders, so the demo shows them before the first 08:30 sweep
            reminders.sweep(warnings.today());
        }
    }

    private List<NewAccount> demoAccounts() {
        long city = unit("临沧市");
        long epb = unit("市环境保护局");
        long linxiang = unit("临翔区");
        return List.of(
                new NewAccount("admin", DEMO_PASSWORD, "演示·系统管理员", city, Role.ADMIN, demoEmail("admin")),
                new NewAccount("office", DEMO_PASSWORD, "演示·市督察整改办", city, Role.OFFICE, demoEmail("office")),
                new NewAccount("supervisor", DEMO_PASSWORD, "演示·市委督查室", city, Role.SUPERVISOR, demoEmail("supervisor")),
                new NewAccount("leader", DEMO_PASSWORD, "演示·分管副市长", city, Role.LEADER, demoEmail("leader")),
                new NewAccount("epb-head", DEMO_PASSWORD, "演示·市环保局负责人", epb, Role.UNIT_HEAD, demoEmail("epb-head")),
                new NewAccount("epb-staff", DEMO_PASSWORD, "演示·市环保局经办人", epb, Role.UNIT_STAFF, demoEmail("epb-staff")),
                new NewAccount("linxiang-office", DEMO_PASSWORD, "演示·临翔区整改办", linxiang, Role.OFFICE, demoEmail("linxiang-office")),
                new NewAccount("linxiang-supervisor", DEMO_PASSWORD, "演示·临翔区委督查室", linxiang, Role.SUPERVISOR,
                        demoEmail("linxiang-supervisor")),
                new NewAccount("linxiang-staff", DEMO_PASSWORD, "演示·临翔区政府经办人", unit("临翔区政府"), Role.UNIT_STAFF, demoEmail("linxiang-staff")));
    }

    /** Demo addresses are under the reserved .invalid domain (RFC 2606): never anyone's real mailbox. */
    private static String demoEmail(String username) {
        return username + "@demo.rectify.invalid";
    }

    private static String lincangPlan() {
        try (InputStream in = new ClassPathResource("demo/lincang-2018.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("demo plan missing from the build", e);
        }
    }

    private static PlanHeader lincangHeader() {
        return new PlanHeader("云南省委省政府第二环境保护督察", "省委省政府第二环境保护督察组", null,
                "临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案", "中共临沧市委、临沧市人民政府",
                LocalDate.of(2018, 2, 7));
    }

    private long unit(String name) {
        return units.resolve(name).filter(UnitReference.OfUnit.class::isInstance).map(UnitReference::id)
                .orElseThrow(() -> new IllegalStateException("demo unit tree lacks " + name));
    }

    private interface Loader {
        void load(InputStream in) throws IOException;
    }

    private static void load(String resource, Loader loader) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            loader.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("demo file missing from the build: " + resource, e);
        }
    }
}
