package org.rectify.demo;

import org.rectify.access.Accounts;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.intake.PlanIntake;
import org.rectify.plans.LedgerFilter;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.Plans;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;
import org.rectify.platform.EmbeddedDatabaseServer;
import org.rectify.platform.ReplayClock;
import org.rectify.supervision.Circulars;
import org.rectify.supervision.Reminders;
import org.rectify.supervision.Warnings;
import org.rectify.units.UnitReference;
import org.rectify.units.UnitTreeImport;
import org.rectify.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the 临沧市 demo into an empty embedded database: the unit tree, one login per role, and the 2018 plan taken
 * in through the plan parser and played as a plan in mid-flight (started 8 months ago, due to end in 16), its past
 * replayed step by step on its own dates. Never runs against a configured database. Each step is a class of its own;
 * a new part of the story is one more line in {@link #playThePast} or after it. Whether it loads is decided when the
 * application starts, not by a condition on the bean: the start with the build's bean definitions
 * ({@code platform.AheadOfTimeStart}) has the beans the build saw, with the demo on or off.
 */
@Component
class DemoData implements SmartLifecycle {

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
    private final PlanShortNames shortNames;
    private final DemoReports reports;
    private final DemoSupervision supervision;
    private final Circulars circulars;
    private final TransactionTemplate transaction;
    private final Reminders reminders;
    private final Warnings warnings;
    private final Clock clock;
    private final boolean remindOnLoad;
    private final int cyclesBehind;
    private final org.rectify.closure.LookBackScheduling lookBackScheduling;
    private final org.rectify.closure.LookBacks lookBacks;
    private final DemoClosures closures;
    /** Only into the embedded database (a configured one has no server of its own here), unless turned off. */
    private final boolean enabled;

    DemoData(Units units, UnitTreeImport unitImport, Accounts accounts, PlanIntake intake, TaskLedger ledger,
             Tasks tasks, Plans plans, PlanShortNames shortNames, DemoReports reports, DemoSupervision supervision,
             Circulars circulars, TransactionTemplate transaction, Reminders reminders,
             Warnings warnings, Clock clock, @Value("${rectify.demo.remind-on-load:true}") boolean remindOnLoad,
             @Value("${rectify.demo.cycles-behind:2}") int cyclesBehind,
             org.rectify.closure.LookBackScheduling lookBackScheduling, org.rectify.closure.LookBacks lookBacks,
             DemoClosures closures, @Value("${rectify.demo.enabled:true}") boolean enabled,
             Optional<EmbeddedDatabaseServer> embeddedDatabase) {
        this.enabled = enabled && embeddedDatabase.isPresent();
        this.closures = closures;
        this.lookBackScheduling = lookBackScheduling;
        this.lookBacks = lookBacks;
        this.units = units;
        this.unitImport = unitImport;
        this.accounts = accounts;
        this.intake = intake;
        this.ledger = ledger;
        this.tasks = tasks;
        this.plans = plans;
        this.shortNames = shortNames;
        this.reports = reports;
        this.supervision = supervision;
        this.circulars = circulars;
        this.transaction = transaction;
        this.reminders = reminders;
        this.warnings = warnings;
        this.clock = clock;
        this.remindOnLoad = remindOnLoad;
        this.cyclesBehind = cyclesBehind;
    }

    private volatile boolean running;

    /**
     * Just before the web server opens (and before any runner, such as the first administrator's): a demo login
     * works as soon as the sign-in page answers.
     */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            load();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void load() {
        if (units.resolve("临沧市").isPresent()) {
            if (plans.findByTitle(DemoLookBacks.TITLE).isEmpty()) { // its steps commit one by one; the look-backs come last but two
                log.warn("The demo was only partly loaded: an earlier start was stopped while loading it, so its closures, "
                        + "look-backs, circular or reminders may be missing. Start on an empty data directory for the whole demo.");
            }
            return; // loaded by an earlier start: the data belongs to its users now
        }
        long started = System.nanoTime();
        DemoTimeline timeline = new DemoTimeline(LocalDate.now(clock), cyclesBehind, clock.getZone());
        long planId = transaction.execute(status -> ReplayClock.at(timeline.daysFromStart(0, 9), () -> playThePast(timeline)));
        // today, on today's clock: the warnings of today, last month's circular, this morning's reminders
        closures.play(); // the closure procedure and look-backs run on today's clock
        demoPlans.add(transaction.execute(status -> DemoLookBacks.load(plans, shortNames, tasks, closures, lookBackScheduling, lookBacks,
                unit("临沧市"), unit("市环境保护局"), unit("市林业局"), callers().loader(), timeline.today())));
        // the demo's own plans only: beside a generated province, reassessing and reminding all of its tasks (and
        // recounting every task whose warning changed) scaled with the province, minutes at 100,000 tasks
        warnings.recomputePlans(demoPlans, timeline.today());
        transaction.executeWithoutResult(status -> DemoCirculars.publishLastMonth(circulars, planId, timeline, callers()));

        if (remindOnLoad) { // before the first 08:30 sweep
            reminders.sweep(timeline.today(), demoPlans);
        }
        log.info("Demo loaded in {} ms: 临沧市 unit tree, the 2018 plan in mid-flight ({} to {}), demo logins (password {})",
                (System.nanoTime() - started) / 1_000_000, timeline.start(), timeline.end(), DEMO_PASSWORD);
    }

    /** The demo's last 8 months, step by step on their own dates; returns the city plan's id. */
    private long playThePast(DemoTimeline timeline) {
        load("demo/units.csv", in -> unitImport.load("units.csv", in));
        load("demo/unit-groups.csv", in -> unitImport.loadGroups("unit-groups.csv", in));
        demoAccounts().forEach(a -> accountIds.put(a.username(), accounts.create(a)));
        DemoCallers callers = callers();
        long planId = DemoPlan.publish(intake, ledger, tasks, shortNames, timeline, callers.office());
        demoPlans.add(planId);
        Map<String, Long> byRef = new LinkedHashMap<>();
        ledger.find(LedgerFilter.ofPlan(planId, LedgerFilter.MAX_PAGE_SIZE), DataScope.ALL).tasks()
                .forEach(t -> byRef.put(t.ref(), t.id()));
        // and a small plan of 临翔区's own, so the county office has objects in its jurisdiction
        long county = DemoCountyPlan.load(plans, tasks, timeline, unit("临翔区"), unit("临翔区政府"), unit("临翔区环境保护局"),
                callers.loader());
        shortNames.set(county, DemoCountyPlan.SHORT_NAME, callers.loader());
        demoPlans.add(county);

        DemoStage stage = new DemoStage(timeline, callers);
        DemoSchedule schedule = new DemoSchedule();
        DemoRefinement.schedule(schedule, timeline, byRef, ledger, tasks, this::unit, callers.office());
        DemoStory.schedule(schedule, timeline, byRef, tasks, callers.office());
        // one task never reported on, so never started (a first report starts a task): the laggard circulars name
        reports.schedule(schedule, stage, planId, byRef.entrySet().stream()
                .filter(e -> !e.getKey().equals(DemoStory.NEVER_STARTED)).map(Map.Entry::getValue).toList());
        supervision.schedule(schedule, stage, byRef);
        schedule.replay();
        return planId;
    }

    private final Map<String, Long> accountIds = new HashMap<>();
    /** The plans the demo loads (the 临沧 plan, 临翔区's, the look-backs'): the only ones its last steps touch. */
    private final List<Long> demoPlans = new ArrayList<>();

    private DemoCallers callers() {
        return new DemoCallers(units, accountIds, unit("临沧市"));
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
