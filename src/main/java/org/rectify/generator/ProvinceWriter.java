package org.rectify.generator;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.rectify.plans.UnitRole;
import org.rectify.progress.EvidenceStore;
import org.rectify.progress.ReportState;
import org.rectify.progress.ReportStep;
import org.rectify.progress.VersionStatus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.progress.internal.db.Tables.EVIDENCE;
import static org.rectify.plans.internal.db.Tables.MILESTONE;
import static org.rectify.supervision.internal.db.Tables.NOTICE_COUNTER;
import static org.rectify.plans.internal.db.Tables.PLAN;
import static org.rectify.progress.internal.db.Tables.PROGRESS_REPORT;
import static org.rectify.progress.internal.db.Tables.REPORTING_CADENCE;
import static org.rectify.progress.internal.db.Tables.REPORTING_CYCLE;
import static org.rectify.progress.internal.db.Tables.REPORT_ATTACHMENT;
import static org.rectify.progress.internal.db.Tables.REPORT_EVENT;
import static org.rectify.progress.internal.db.Tables.REPORT_SLOT;
import static org.rectify.supervision.internal.db.Tables.SUPERVISION_NOTICE;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.rectify.supervision.internal.db.Tables.WARNING_CHANGE;

/**
 * Writes one generated province on a connection, in the caller's transaction: the unit tree, one account per role
 * for sample units, a province plan and one plan per city, the tasks with their units and milestones, monthly
 * reporting cycles, the reports with their slots, events and evidence metadata, the warnings and some supervision
 * notices. Everything derives from the options' seed and {@code today}: the same options give the same rows.
 * Identity values are reserved up front so rows can refer to each other while they stream in through COPY.
 */
public final class ProvinceWriter {

    private static final String ACTOR = "generator";

    private final Connection connection;
    private final DSLContext db;
    private final GeneratorOptions options;
    private final String passwordHash;
    private final Random random;
    private final ChineseText text;
    private final LocalDate today;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Long> millis = new LinkedHashMap<>();

    private record Unit(long id, long parentId, String name, String level, String type, String path, int city, int county) {
    }

    private record Account(long id, String username, long unitId, String role) {
    }

    private record Cycle(long id, LocalDate start, LocalDate dueOn) {
    }

    /** The offices' time zone: generated times fall in office hours there. */
    private final ZoneId zone;
    private final List<Unit> units = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private Unit province;

    /** {@code passwordHash} as the app stores it (the delegating encoder's {@code {bcrypt}...}), one for every account. */
    public ProvinceWriter(Connection connection, GeneratorOptions options, String passwordHash, ZoneId zone) {
        this.zone = zone;
        this.connection = connection;
        this.db = DSL.using(connection, SQLDialect.POSTGRES);
        this.options = options;
        this.passwordHash = passwordHash;
        this.random = new Random(options.seed());
        this.text = new ChineseText(random);
        this.today = options.today();
    }

    /** The number of tasks already in the database: the generator fills an empty one unless told to append. */
    public static long existingTasks(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES).fetchCount(TASK);
    }

    public GeneratedProvince write() throws SQLException {
        long started = System.nanoTime();
        buildUnits();
        refuseExistingNames();
        writeUnits();
        writeAccounts();
        List<Long> plans = writePlans();
        Map<Long, List<Cycle>> cycles = writeCycles(plans);
        writeTasks(plans, cycles);
        timed("analyze", () -> List.of(UNIT, ACCOUNT, TASK, TASK_UNIT, MILESTONE, REPORT_SLOT, PROGRESS_REPORT, REPORT_EVENT, TASK_WARNING)
                .forEach(this::analyze));
        // one of each role and level: the province's, the first city's and its first county's
        List<String> samples = accounts.stream().map(Account::username)
                .filter(u -> !u.contains("-c") || u.contains("-c01-") && (!u.contains("-k") || u.contains("-k01-"))).toList();
        return new GeneratedProvince(province.id(), province.name(), plans, rows, millis, samples, null, false,
                (System.nanoTime() - started) / 1_000_000);
    }

    // ---- units ----

    private void buildUnits() {
        long id = reserve(UNIT, UNIT.ID, unitCount());
        String stem = text.placeStem();
        province = new Unit(id, 0, stem + "省", "PROVINCE", "REGION", "/" + id + "/", -1, -1);
        units.add(province);
        id = departments(province, id + 1, true);
        int township = 0;
        for (int c = 0; c < options.cities(); c++) {
            Unit city = new Unit(id, province.id(), text.placeStem() + "市", "CITY", "REGION", province.path() + id + "/", c, -1);
            units.add(city);
            id = departments(city, id + 1, false);
            for (int k = 0; k < options.counties(); k++) {
                String kind = k % 4 == 3 ? "区" : "县";
                Unit county = new Unit(id, city.id(), text.placeStem() + kind, "COUNTY", "REGION", city.path() + id + "/", c, k);
                units.add(county);
                id = departments(county, id + 1, false);
                int countyIndex = c * options.counties() + k;
                int here = options.townships() / countyCount() + (countyIndex < options.townships() % countyCount() ? 1 : 0);
                for (int t = 0; t < here; t++, township++) {
                    units.add(new Unit(id, county.id(), text.placeStem() + (township % 3 == 2 ? "乡" : "镇"), "TOWNSHIP", "REGION",
                            county.path() + id + "/", c, k));
                    id++;
                }
            }
        }
    }

    private long departments(Unit region, long id, boolean provincial) {
        for (int d = 0; d < options.departments(); d++, id++) {
            units.add(new Unit(id, region.id(), ChineseText.department(region.name(), provincial, d), region.level(), "DEPARTMENT",
                    region.path() + id + "/", region.city(), region.county()));
        }
        return id;
    }

    private int countyCount() {
        return options.cities() * options.counties();
    }

    private int unitCount() {
        int regions = 1 + options.cities() + countyCount();
        return regions * (1 + options.departments()) + options.townships();
    }

    private void refuseExistingNames() {
        List<String> names = units.stream().map(Unit::name).toList();
        String taken = db.select(UNIT.NAME).from(UNIT).where(UNIT.NAME.in(names)).and(UNIT.VALID_TO.isNull()).limit(1).fetchOne(UNIT.NAME);
        if (taken != null) {
            throw new GeneratorRefused("A unit named " + taken + " already exists, and this seed would create it again: "
                    + "append with another --seed.");
        }
    }

    private void writeUnits() throws SQLException {
        try (Copy copy = new Copy(connection, UNIT, UNIT.ID, UNIT.PARENT_ID, UNIT.NAME, UNIT.LEVEL, UNIT.TYPE, UNIT.PATH, UNIT.SORT_ORDER)) {
            int order = 0;
            for (Unit u : units) {
                copy.add(u.id()).add(u.parentId() == 0 ? null : u.parentId()).add(u.name()).add(u.level()).add(u.type())
                        .add(u.path()).add(order++).end();
            }
            done("unit", copy);
        }
    }

    // ---- accounts: every role at the province, an office at every city and county, staff of sample departments ----

    private void writeAccounts() throws SQLException {
        String prefix = "g" + options.seed();
        List<Account> planned = new ArrayList<>();
        for (String role : List.of("ADMIN", "OFFICE", "SUPERVISOR", "LEADER")) {
            planned.add(new Account(0, prefix + "-" + role.toLowerCase(), province.id(), role));
        }
        for (Unit u : units) {
            boolean firstDepartment = u.type().equals("DEPARTMENT") && u.id() == u.parentId() + 1;
            String code = code(u);
            if (u.type().equals("REGION") && !u.level().equals("PROVINCE") && !u.level().equals("TOWNSHIP")) {
                planned.add(new Account(0, prefix + "-" + code + "-office", u.id(), "OFFICE"));
                if (u.county() < 0 && u.city() == 0) {
                    planned.add(new Account(0, prefix + "-" + code + "-supervisor", u.id(), "SUPERVISOR"));
                    planned.add(new Account(0, prefix + "-" + code + "-leader", u.id(), "LEADER"));
                }
            } else if (firstDepartment) {
                planned.add(new Account(0, prefix + "-" + code + "-d1-head", u.id(), "UNIT_HEAD"));
                planned.add(new Account(0, prefix + "-" + code + "-d1-staff", u.id(), "UNIT_STAFF"));
            }
        }
        String taken = db.select(ACCOUNT.USERNAME).from(ACCOUNT).where(ACCOUNT.USERNAME.in(planned.stream().map(Account::username).toList()))
                .limit(1).fetchOne(ACCOUNT.USERNAME);
        if (taken != null) {
            throw new GeneratorRefused("An account named " + taken + " already exists, and this seed would create it again: "
                    + "append with another --seed.");
        }
        long id = reserve(ACCOUNT, ACCOUNT.ID, planned.size());
        OffsetDateTime at = today.atTime(LocalTime.of(9, 0)).atZone(zone).toOffsetDateTime();
        try (Copy copy = new Copy(connection, ACCOUNT, ACCOUNT.ID, ACCOUNT.USERNAME, ACCOUNT.PASSWORD_HASH, ACCOUNT.DISPLAY_NAME,
                ACCOUNT.UNIT_ID, ACCOUNT.ROLE, ACCOUNT.CREATED_AT)) {
            for (Account a : planned) {
                Account account = new Account(id++, a.username(), a.unitId(), a.role());
                accounts.add(account);
                copy.add(account.id()).add(account.username()).add(passwordHash).add(unitName(a.unitId()) + roleName(a.role()))
                        .add(a.unitId()).add(a.role()).add(at).end();
            }
            done("account", copy);
        }
    }

    /** c01, c01-k02: where a unit sits, for readable usernames. */
    private String code(Unit u) {
        String city = u.city() < 0 ? "p" : String.format("c%02d", u.city() + 1);
        return u.county() < 0 ? city : city + String.format("-k%02d", u.county() + 1);
    }

    private String unitName(long id) {
        return unit(id).name();
    }

    private static String roleName(String role) {
        return switch (role) {
            case "ADMIN" -> "系统管理员";
            case "OFFICE" -> "整改办";
            case "SUPERVISOR" -> "督查员";
            case "LEADER" -> "分管领导";
            case "UNIT_HEAD" -> "负责人";
            default -> "联络员";
        };
    }

    // ---- plans and their monthly reporting cycles, five years back and three ahead ----

    private List<Long> writePlans() throws SQLException {
        List<Unit> owners = units.stream().filter(u -> u.type().equals("REGION") && (u.level().equals("PROVINCE") || u.level().equals("CITY"))).toList();
        long id = reserve(PLAN, PLAN.ID, owners.size());
        List<Long> plans = new ArrayList<>();
        LocalDate issued = today.minusYears(5).plusDays(20);
        try (Copy plan = new Copy(connection, PLAN, PLAN.ID, PLAN.TITLE, PLAN.ISSUING_BODY, PLAN.ISSUED_ON, PLAN.OWNER_UNIT_ID, PLAN.CREATED_AT)) {
            for (Unit owner : owners) {
                plans.add(id);
                plan.add(id++).add(owner.name() + "贯彻落实" + province.name() + "生态环境保护督察反馈意见整改方案")
                        .add(owner.level().equals("PROVINCE") ? "中共" + owner.name() + "委办公厅" : "中共" + owner.name() + "委办公室")
                        .add(issued).add(owner.id()).add(issued.atTime(LocalTime.of(10, 0)).atZone(zone).toOffsetDateTime()).end();
            }
            done("plan", plan);
        }
        return plans;
    }

    private Map<Long, List<Cycle>> writeCycles(List<Long> plans) throws SQLException {
        LocalDate first = today.minusYears(5).withDayOfMonth(1);
        int months = (int) ChronoUnit.MONTHS.between(first, today.plusYears(3).withDayOfMonth(1)) + 1;
        long id = reserve(REPORTING_CYCLE, REPORTING_CYCLE.ID, (long) months * plans.size());
        Map<Long, List<Cycle>> cycles = new LinkedHashMap<>();
        OffsetDateTime at = first.atTime(LocalTime.of(10, 0)).atZone(zone).toOffsetDateTime();
        try (Copy cadence = new Copy(connection, REPORTING_CADENCE, REPORTING_CADENCE.PLAN_ID, REPORTING_CADENCE.KIND,
                REPORTING_CADENCE.DUE_DAY, REPORTING_CADENCE.GRACE_DAYS, REPORTING_CADENCE.STARTS_ON, REPORTING_CADENCE.UPDATED_BY,
                REPORTING_CADENCE.UPDATED_AT)) {
            for (long plan : plans) {
                cadence.add(plan).add("MONTHLY").add(25).add(5).add(first).add(ACTOR).add(at).end();
            }
            done("reporting_cadence", cadence);
        }
        try (Copy copy = new Copy(connection, REPORTING_CYCLE, REPORTING_CYCLE.ID, REPORTING_CYCLE.PLAN_ID, REPORTING_CYCLE.KIND,
                REPORTING_CYCLE.SEQ, REPORTING_CYCLE.PERIOD_START, REPORTING_CYCLE.PERIOD_END, REPORTING_CYCLE.DUE_ON, REPORTING_CYCLE.GRACE_UNTIL)) {
            for (long plan : plans) {
                List<Cycle> list = new ArrayList<>();
                for (int m = 0; m < months; m++) {
                    LocalDate start = first.plusMonths(m);
                    LocalDate due = start.withDayOfMonth(25);
                    copy.add(id).add(plan).add("MONTHLY").add(m + 1).add(start).add(start.plusMonths(1).minusDays(1)).add(due)
                            .add(due.plusDays(5)).end();
                    list.add(new Cycle(id++, start, due));
                }
                cycles.put(plan, list);
            }
            done("reporting_cycle", copy);
        }
        return cycles;
    }

    // ---- tasks, their units, milestones, reports, warnings and notices ----

    private static final String[] STATUSES = {"ASSIGNED", "IN_PROGRESS", "CLOSURE_REQUESTED", "CLOSED", "ONGOING", "CANCELLED"};
    private static final byte SUBMITTED = 1;
    private static final byte WITH_EVIDENCE = 2;

    // the shape of the tasks and reports, decided once; each table is then streamed in its own pass
    private int[] planOf;
    private int[] deadlineOf;
    private int[] stageOf;
    private long[] leadOf;
    private long[] supportOf;
    private byte[] statusOf;
    private long[] cycleOf;
    private long[] atOf;
    private byte[] flagsOf;
    private long firstSlot;
    private long firstReport;
    private long firstEvent;

    private void writeTasks(List<Long> plans, Map<Long, List<Cycle>> cycles) throws SQLException {
        int n = options.tasks();
        int perTask = options.reportsPerTask();
        planTasks(plans, cycles);
        long firstMilestone = reserve(MILESTONE, MILESTONE.ID, 2L * n);
        OffsetDateTime created = today.minusYears(5).plusDays(20).atTime(LocalTime.of(10, 0)).atZone(zone).toOffsetDateTime();
        ChineseText words = new ChineseText(new Random(options.seed() + 1));
        int[] positions = new int[plans.size()];
        int[] positionOf = new int[n];
        try (Copy task = new Copy(connection, TASK, TASK.ID, TASK.PLAN_ID, TASK.REF, TASK.POSITION, TASK.TITLE, TASK.TEXT, TASK.MEASURES,
                TASK.STATUS, TASK.ONGOING, TASK.DEADLINE, TASK.CREATED_AT, TASK.UPDATED_AT)) {
            for (int i = 0; i < n; i++) {
                String region = region(unit(leadOf[i])).name();
                String status = STATUSES[statusOf[i]];
                int position = ++positions[planOf[i]];
                positionOf[i] = position;
                task.add(firstTask + i).add(plans.get(planOf[i])).add(String.valueOf(position)).add(position).add(words.title())
                        .add(words.sentence(region)).add(words.sentence(region)).add(status).add(status.equals("ONGOING"))
                        .add(LocalDate.ofEpochDay(deadlineOf[i])).add(created).add(created).end();
            }
            done("task", task);
        }
        try (Copy taskUnit = new Copy(connection, TASK_UNIT, TASK_UNIT.TASK_ID, TASK_UNIT.UNIT_ID, TASK_UNIT.ROLE, TASK_UNIT.POSITION)) {
            for (int i = 0; i < n; i++) {
                taskUnit.add(firstTask + i).add(leadOf[i]).add(UnitRole.LEAD).add(0).end();
                if (supportOf[i] != 0) {
                    taskUnit.add(firstTask + i).add(supportOf[i]).add(UnitRole.SUPPORTING).add(1).end();
                }
            }
            done("task_unit", taskUnit);
        }
        try (Copy milestone = new Copy(connection, MILESTONE, MILESTONE.ID, MILESTONE.TASK_ID, MILESTONE.DUE_ON, MILESTONE.DELIVERABLE,
                MILESTONE.POSITION)) {
            long id = firstMilestone;
            for (int i = 0; i < n; i++) {
                milestone.add(id++).add(firstTask + i).add(LocalDate.ofEpochDay(stageOf[i])).add(words.deliverable()).add(0).end();
                milestone.add(id++).add(firstTask + i).add(LocalDate.ofEpochDay(deadlineOf[i])).add("完成整改并验收销号").add(1).end();
            }
            done("milestone", milestone);
        }
        List<Long> red = new ArrayList<>();
        OffsetDateTime since = today.atStartOfDay().atZone(zone).toOffsetDateTime();
        try (Copy warning = new Copy(connection, TASK_WARNING, TASK_WARNING.TASK_ID, TASK_WARNING.LEVEL, TASK_WARNING.SCHEDULE_STATUS,
                TASK_WARNING.REASONS, TASK_WARNING.ASSESSED_ON, TASK_WARNING.SINCE, TASK_WARNING.PLAN_ID, TASK_WARNING.TASK_POSITION,
                TASK_WARNING.TASK_DEADLINE)) {
            for (int i = 0; i < n; i++) {
                String[] level = warning(i);
                warning.add(firstTask + i).add(level[0]).add(level[1]).add(level[2]).add(today).add(since)
                        .add(plans.get(planOf[i])).add(positionOf[i]).add(LocalDate.ofEpochDay(deadlineOf[i])).end();
                if (level[0].equals("RED")) {
                    red.add(firstTask + i);
                }
            }
            done("task_warning", warning);
        }
        try (Copy change = new Copy(connection, WARNING_CHANGE, WARNING_CHANGE.TASK_ID, WARNING_CHANGE.OCCURRED_AT, WARNING_CHANGE.TO_LEVEL,
                WARNING_CHANGE.REASONS)) {
            for (int i = 0; i < n; i++) {
                String[] level = warning(i);
                if (!level[0].equals("NONE")) {
                    change.add(firstTask + i).add(since).add(level[0]).add(level[2]).end();
                }
            }
            done("warning_change", change);
        }
        try (Copy slot = new Copy(connection, REPORT_SLOT, REPORT_SLOT.ID, REPORT_SLOT.CYCLE_ID, REPORT_SLOT.TASK_ID, REPORT_SLOT.UNIT_ID,
                REPORT_SLOT.STATE, REPORT_SLOT.FIRST_SUBMITTED_AT, REPORT_SLOT.UPDATED_AT)) {
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < perTask; r++) {
                    int x = i * perTask + r;
                    boolean submitted = (flagsOf[x] & SUBMITTED) != 0;
                    OffsetDateTime at = time(atOf[x]);
                    slot.add(firstSlot + x).add(cycleOf[x]).add(firstTask + i).add(leadOf[i]).add(submitted ? ReportState.SUBMITTED : ReportState.DRAFT)
                            .add(submitted ? at : null).add(at).end();
                }
            }
            done("report_slot", slot);
        }
        writeReports();
        writeEvidence();
        timed("link slots to reports", this::linkSlots);
        writeNotices(red, accounts.get(1));
    }

    /**
     * Who leads each task, its deadline, milestone and status, and when each of its reports came: the shape every
     * table follows. Reports fill the last cycles due before today, or before a month after the deadline.
     */
    private void planTasks(List<Long> plans, Map<Long, List<Cycle>> cycles) {
        int n = options.tasks();
        int perTask = options.reportsPerTask();
        reserve(TASK, TASK.ID, n);
        firstSlot = reserve(REPORT_SLOT, REPORT_SLOT.ID, (long) n * perTask);
        firstReport = reserve(PROGRESS_REPORT, PROGRESS_REPORT.ID, (long) n * perTask);
        firstEvent = reserve(REPORT_EVENT, REPORT_EVENT.ID, (long) n * perTask);
        planOf = new int[n];
        deadlineOf = new int[n];
        stageOf = new int[n];
        leadOf = new long[n];
        supportOf = new long[n];
        statusOf = new byte[n];
        cycleOf = new long[n * perTask];
        atOf = new long[n * perTask];
        flagsOf = new byte[n * perTask];
        List<List<Unit>> pools = pools(plans.size());
        for (int i = 0; i < n; i++) {
            int p = i % plans.size();
            List<Unit> pool = pools.get(p);
            planOf[i] = p;
            leadOf[i] = pool.get(random.nextInt(pool.size())).id();
            if (random.nextInt(10) < 3) {
                long support = pool.get(random.nextInt(pool.size())).id();
                supportOf[i] = support == leadOf[i] ? 0 : support;
            }
            LocalDate deadline = today.minusDays(730).plusDays(random.nextInt(5 * 365 + 1));
            deadlineOf[i] = (int) deadline.toEpochDay();
            stageOf[i] = (int) deadline.minusDays(90 + random.nextInt(270)).toEpochDay();
            statusOf[i] = status(deadline);
            List<Cycle> planCycles = cycles.get(plans.get(p));
            LocalDate until = deadline.plusMonths(1).isBefore(today) ? deadline.plusMonths(1) : today;
            int last = lastDue(planCycles, until);
            for (int r = 0; r < perTask; r++) {
                int x = i * perTask + r;
                Cycle cycle = planCycles.get(last - perTask + 1 + r);
                boolean submitted = !(r == perTask - 1 && isOpen(statusOf[i]) && random.nextInt(10) == 0);
                cycleOf[x] = cycle.id();
                atOf[x] = cycle.dueOn().minusDays(random.nextInt(6)).atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60)))
                        .atZone(zone).toEpochSecond();
                flagsOf[x] = (byte) ((submitted ? SUBMITTED : 0) | (submitted && random.nextInt(10) == 0 ? WITH_EVIDENCE : 0));
            }
        }
    }

    private Unit unit(long id) {
        return units.get((int) (id - province.id()));
    }

    private Unit region(Unit u) {
        return u.type().equals("REGION") ? u : unit(u.parentId());
    }

    private OffsetDateTime time(long epochSecond) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), zone);
    }

    /** Who can lead a plan's tasks: the province's departments and cities, or everything under a city. */
    private List<List<Unit>> pools(int plans) {
        List<List<Unit>> pools = new ArrayList<>();
        pools.add(units.stream().filter(u -> u.parentId() == province.id()).toList());
        for (int c = 0; c < plans - 1; c++) {
            int city = c;
            pools.add(units.stream().filter(u -> u.city() == city && !(u.level().equals("CITY") && u.type().equals("REGION"))).toList());
        }
        return pools;
    }

    private long regionOf(Unit u) {
        return u.type().equals("REGION") ? u.id() : u.parentId();
    }

    private static int lastDue(List<Cycle> cycles, LocalDate until) {
        int last = 0;
        for (int i = 0; i < cycles.size() && !cycles.get(i).dueOn().isAfter(until); i++) {
            last = i;
        }
        return last;
    }

    private static boolean isOpen(byte status) {
        return !STATUSES[status].equals("CLOSED") && !STATUSES[status].equals("CANCELLED");
    }

    /** Shares like a real ledger's: most past deadlines closed, most future ones being worked on. */
    private byte status(LocalDate deadline) {
        int r = random.nextInt(100);
        String status;
        if (deadline.isBefore(today)) {
            status = r < 62 ? "CLOSED" : r < 80 ? "IN_PROGRESS" : r < 90 ? "CLOSURE_REQUESTED" : r < 95 ? "ONGOING" : r < 98 ? "ASSIGNED" : "CANCELLED";
        } else {
            status = r < 55 ? "IN_PROGRESS" : r < 73 ? "ASSIGNED" : r < 83 ? "ONGOING" : r < 90 ? "CLOSURE_REQUESTED" : r < 98 ? "CLOSED" : "CANCELLED";
        }
        return (byte) java.util.Arrays.asList(STATUSES).indexOf(status);
    }

    /** Level, schedule status and reasons, as the nightly assessment would put them. */
    private String[] warning(int task) {
        String status = STATUSES[statusOf[task]];
        LocalDate deadline = LocalDate.ofEpochDay(deadlineOf[task]);
        LocalDate stage = LocalDate.ofEpochDay(stageOf[task]);
        if (!isOpen(statusOf[task])) {
            return new String[]{"NONE", "DONE", ""};
        }
        if (status.equals("ONGOING")) {
            return new String[]{"NONE", "ON_SCHEDULE", ""};
        }
        if (deadline.isBefore(today)) {
            return new String[]{"RED", "OVERDUE", "OVERDUE"};
        }
        if (status.equals("ASSIGNED") && stage.isBefore(today)) {
            return new String[]{"YELLOW", "BEHIND", "NOT_STARTED"};
        }
        if (!deadline.isAfter(today.plusDays(15))) {
            return new String[]{"BLUE", "ON_SCHEDULE", "DEADLINE_NEAR"};
        }
        return new String[]{"NONE", "ON_SCHEDULE", ""};
    }

    private void writeReports() throws SQLException {
        int n = options.tasks();
        int perTask = options.reportsPerTask();
        ChineseText words = new ChineseText(new Random(options.seed() + 3));
        Random schedule = new Random(options.seed() + 4);
        Map<Long, String> authors = new LinkedHashMap<>();
        for (Account a : accounts) {
            authors.putIfAbsent(a.unitId(), a.username());
        }
        String fallback = accounts.get(1).username();
        try (Copy copy = new Copy(connection, PROGRESS_REPORT, PROGRESS_REPORT.ID, PROGRESS_REPORT.SLOT_ID, PROGRESS_REPORT.TASK_ID,
                PROGRESS_REPORT.UNIT_ID, PROGRESS_REPORT.CYCLE_ID, PROGRESS_REPORT.VERSION, PROGRESS_REPORT.STATUS, PROGRESS_REPORT.WORK_DONE,
                PROGRESS_REPORT.PHASE, PROGRESS_REPORT.ON_SCHEDULE, PROGRESS_REPORT.PROBLEMS, PROGRESS_REPORT.NEXT_STEPS,
                PROGRESS_REPORT.CREATED_BY, PROGRESS_REPORT.CREATED_AT, PROGRESS_REPORT.UPDATED_AT, PROGRESS_REPORT.SUBMITTED_BY,
                PROGRESS_REPORT.SUBMITTED_AT)) {
            for (int i = 0; i < n; i++) {
                String region = region(unit(leadOf[i])).name();
                String author = authors.getOrDefault(leadOf[i], fallback);
                String status = STATUSES[statusOf[i]];
                for (int r = 0; r < perTask; r++) {
                    int x = i * perTask + r;
                    boolean submitted = (flagsOf[x] & SUBMITTED) != 0;
                    boolean evidence = (flagsOf[x] & WITH_EVIDENCE) != 0;
                    OffsetDateTime at = time(atOf[x]);
                    String phase = r == perTask - 1 && status.equals("CLOSED") ? "COMPLETED" : status.equals("ONGOING") ? "ONGOING" : "IN_PROGRESS";
                    boolean onSchedule = schedule.nextInt(100) < 85;
                    // a report with evidence comes in as a draft: a submitted report's attachments are frozen
                    copy.add(firstReport + x).add(firstSlot + x).add(firstTask + i).add(leadOf[i]).add(cycleOf[x]).add(1)
                            .add(submitted && !evidence ? VersionStatus.SUBMITTED : VersionStatus.DRAFT).add(words.sentence(region)).add(phase).add(onSchedule)
                            .add(onSchedule ? null : words.problem()).add(words.nextStep()).add(author).add(at).add(at)
                            .add(submitted ? author : null).add(submitted ? at : null).end();
                }
            }
            done("progress_report", copy);
        }
        try (Copy copy = new Copy(connection, REPORT_EVENT, REPORT_EVENT.ID, REPORT_EVENT.SLOT_ID, REPORT_EVENT.REPORT_ID,
                REPORT_EVENT.VERSION, REPORT_EVENT.ACTION, REPORT_EVENT.ACTOR, REPORT_EVENT.ACTOR_UNIT_ID, REPORT_EVENT.OCCURRED_AT)) {
            for (int i = 0; i < n; i++) {
                String author = authors.getOrDefault(leadOf[i], fallback);
                for (int r = 0; r < perTask; r++) {
                    int x = i * perTask + r;
                    copy.add(firstEvent + x).add(firstSlot + x).add(firstReport + x).add(1)
                            .add((flagsOf[x] & SUBMITTED) != 0 ? ReportStep.SUBMITTED : ReportStep.DRAFTED).add(author).add(leadOf[i]).add(time(atOf[x])).end();
                }
            }
            done("report_event", copy);
        }
    }

    /**
     * Evidence metadata (no files: downloading generated evidence finds nothing) attached to one submitted report in
     * ten. Those reports came in as drafts and are submitted once their attachments are in.
     */
    private void writeEvidence() throws SQLException {
        List<Long> reports = new ArrayList<>();
        List<Long> uploaders = new ArrayList<>();
        for (int x = 0; x < flagsOf.length; x++) {
            if ((flagsOf[x] & WITH_EVIDENCE) != 0) {
                reports.add(firstReport + x);
                uploaders.add(leadOf[x / options.reportsPerTask()]);
            }
        }
        long firstEvidence = reserve(EVIDENCE, EVIDENCE.ID, reports.size());
        long firstAttachment = reserve(REPORT_ATTACHMENT, REPORT_ATTACHMENT.ID, reports.size());
        OffsetDateTime at = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(zone).toOffsetDateTime();
        Random files = new Random(options.seed() + 5);
        byte[] digest = new byte[32];
        try (Copy evidence = new Copy(connection, EVIDENCE, EVIDENCE.ID, EVIDENCE.SHA256, EVIDENCE.SIZE_BYTES, EVIDENCE.CONTENT_TYPE,
                EVIDENCE.FILE_NAME, EVIDENCE.STORAGE_KEY, EVIDENCE.UPLOADED_BY, EVIDENCE.UPLOADED_BY_UNIT_ID, EVIDENCE.UPLOADED_AT)) {
            for (int e = 0; e < reports.size(); e++) {
                files.nextBytes(digest);
                String sha = HexFormat.of().formatHex(digest);
                boolean photo = e % 2 == 0;
                evidence.add(firstEvidence + e).add(sha).add(20_000 + files.nextInt(2_000_000)).add(photo ? "image/jpeg" : "application/pdf")
                        .add(photo ? "整改现场照片.jpg" : "整改佐证材料.pdf").add(EvidenceStore.keyOf(sha)).add(ACTOR)
                        .add(uploaders.get(e)).add(at).end();
            }
            done("evidence", evidence);
        }
        try (Copy attachment = new Copy(connection, REPORT_ATTACHMENT, REPORT_ATTACHMENT.ID, REPORT_ATTACHMENT.REPORT_ID,
                REPORT_ATTACHMENT.EVIDENCE_ID, REPORT_ATTACHMENT.TITLE, REPORT_ATTACHMENT.POSITION)) {
            for (int e = 0; e < reports.size(); e++) {
                attachment.add(firstAttachment + e).add(reports.get(e)).add(firstEvidence + e).add(e % 2 == 0 ? "现场照片" : "佐证材料").add(0).end();
            }
            done("report_attachment", attachment);
        }
        if (!reports.isEmpty()) {
            // the reports named by the attachments just written, as a semi-join: a list of a million ids as one array
            // parameter took PostgreSQL hours to match against ten million reports
            long lastAttachment = firstAttachment + reports.size() - 1;
            timed("submit reports with evidence", () -> db.update(PROGRESS_REPORT).set(PROGRESS_REPORT.STATUS, VersionStatus.SUBMITTED)
                    .where(PROGRESS_REPORT.ID.in(DSL.select(REPORT_ATTACHMENT.REPORT_ID).from(REPORT_ATTACHMENT)
                            .where(REPORT_ATTACHMENT.ID.between(firstAttachment, lastAttachment)))).execute());
        }
    }

    /** Slots and reports refer to each other: the slots learn their reports once both are in. */
    private void linkSlots() {
        long count = flagsOf.length;
        if (count == 0) {
            return;
        }
        db.update(REPORT_SLOT).set(REPORT_SLOT.LATEST_REPORT_ID, PROGRESS_REPORT.ID)
                .set(REPORT_SLOT.SUBMITTED_REPORT_ID, DSL.when(PROGRESS_REPORT.STATUS.eq(VersionStatus.SUBMITTED), PROGRESS_REPORT.ID))
                .from(PROGRESS_REPORT)
                .where(PROGRESS_REPORT.SLOT_ID.eq(REPORT_SLOT.ID))
                .and(REPORT_SLOT.ID.between(firstSlot, firstSlot + count - 1))
                .and(PROGRESS_REPORT.ID.between(firstReport, firstReport + count - 1))
                .execute();
    }

    private long firstTask;

    /** A notice for one red task in eight, numbered after the year's last; half of them answered. */
    private void writeNotices(List<Long> red, Account office) throws SQLException {
        int year = today.getYear();
        Integer last = db.select(DSL.max(SUPERVISION_NOTICE.SEQ)).from(SUPERVISION_NOTICE).where(SUPERVISION_NOTICE.YEAR.eq(year)).fetchOne(0, Integer.class);
        Integer counted = db.select(NOTICE_COUNTER.LAST).from(NOTICE_COUNTER).where(NOTICE_COUNTER.YEAR.eq(year)).fetchOne(0, Integer.class);
        int seq = Math.max(last == null ? 0 : last, counted == null ? 0 : counted);
        long id = reserve(SUPERVISION_NOTICE, SUPERVISION_NOTICE.ID, (red.size() + 7) / 8);
        try (Copy copy = new Copy(connection, SUPERVISION_NOTICE, SUPERVISION_NOTICE.ID, SUPERVISION_NOTICE.TASK_ID, SUPERVISION_NOTICE.YEAR,
                SUPERVISION_NOTICE.SEQ, SUPERVISION_NOTICE.NUMBER, SUPERVISION_NOTICE.DEMANDS, SUPERVISION_NOTICE.REPLY_BY, SUPERVISION_NOTICE.LEVEL,
                SUPERVISION_NOTICE.ISSUED_BY, SUPERVISION_NOTICE.ISSUER_ACCOUNT_ID, SUPERVISION_NOTICE.ISSUER_UNIT, SUPERVISION_NOTICE.ISSUED_AT,
                SUPERVISION_NOTICE.REPLY_TEXT, SUPERVISION_NOTICE.REPLIED_BY, SUPERVISION_NOTICE.REPLIED_AT)) {
            for (int i = 0; i < red.size(); i += 8) {
                seq++;
                LocalDate issued = today.minusDays(5 + random.nextInt(40));
                boolean answered = random.nextBoolean();
                OffsetDateTime at = issued.atTime(LocalTime.of(10, 0)).atZone(zone).toOffsetDateTime();
                copy.add(id++).add(red.get(i)).add(year).add(seq).add("督〔" + year + "〕" + seq + "号")
                        .add("该任务已超过整改时限,请于回复期限前报送整改进展和下一步措施。").add(issued.plusDays(10)).add("RED")
                        .add(office.username()).add(office.id()).add(province.name()).add(at)
                        .add(answered ? text.nextStep() : null).add(answered ? ACTOR : null).add(answered ? at.plusDays(3) : null).end();
            }
            done("supervision_notice", copy);
        }
        if (seq > 0) {
            db.insertInto(NOTICE_COUNTER, NOTICE_COUNTER.YEAR, NOTICE_COUNTER.LAST).values(year, seq)
                    .onConflict(NOTICE_COUNTER.YEAR).doUpdate().set(NOTICE_COUNTER.LAST, DSL.greatest(NOTICE_COUNTER.LAST, DSL.val(seq)))
                    .execute();
        }
    }

    // ---- identities, timings and statistics ----

    /**
     * Ends the COPY (the server has checked every row then), notes its rows and time, and drops the session's plans.
     * The triggers keep their read models with generic plans made at their first call in a session: the duty refresh's
     * was made by the task COPY, before any task unit existed, and it drove the task unit COPY's refresh from a scan of
     * all task units, probing the tasks with the whole batch's ids each time (30,000 tasks: 282 s for that COPY, 21 s
     * planned again). Planned again after each COPY, the refreshes start from the batch's tasks.
     */
    private void done(String table, Copy copy) throws SQLException {
        copy.close();
        rows.put(table, copy.rows());
        millis.put(table, copy.millis());
        try (var s = connection.createStatement()) {
            s.execute("discard plans");
        }
    }

    private void timed(String step, Runnable work) {
        long started = System.nanoTime();
        work.run();
        millis.put(step, (System.nanoTime() - started) / 1_000_000);
    }

    /** The first of {@code count} identity values of a table, taken from its sequence so no insert can take them. */
    private <R extends org.jooq.Record> long reserve(Table<R> table, TableField<R, Long> id, long count) {
        var sequence = DSL.function("pg_get_serial_sequence", String.class, DSL.inline(table.getName()), DSL.inline(id.getName()));
        long first = db.select(DSL.function("nextval", Long.class, sequence)).fetchOne(0, Long.class);
        if (count > 1) {
            db.select(DSL.function("setval", Long.class, sequence, DSL.val(first + count - 1))).fetch();
        }
        if (table == TASK) {
            firstTask = first;
        }
        return first;
    }

    /** Fresh statistics for the planner; the app's role may not own the tables, then autovacuum does it later. */
    private void analyze(Table<?> table) {
        try (var s = connection.createStatement()) {
            s.execute("savepoint generator_analyze");
            s.execute("analyze " + DSL.using(SQLDialect.POSTGRES).render(DSL.name(table.getName())));
            s.execute("release savepoint generator_analyze");
        } catch (SQLException notOwner) {
            try (var s = connection.createStatement()) {
                s.execute("rollback to savepoint generator_analyze");
            } catch (SQLException ignored) { // not in a transaction
            }
        }
    }
}
