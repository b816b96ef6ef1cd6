package org.rectify.access;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.plans.Plans;
import org.rectify.units.NewUnit;
import org.rectify.units.People;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access matrix, generated: every route the application answers (the OpenAPI description of {@code /api} and the
 * request mappings of the running context) × every demo role × an object inside and outside the caller's jurisdiction.
 * Three sets of objects are made: the city's (a plan run by 临沧市, its task led by 市环境保护局), the county's (a plan run
 * by 临翔区, its task led by 临翔区政府) and a foreign city's (a second root of the unit tree), each with a task, a
 * circular draft, a notice, an instruction, a ledger entry, a webhook, a report with evidence, an intake draft, an
 * account, a person, an inbox message and a closure application. Outside the jurisdiction no answer is a success (404 for an object the role
 * could act on in its own jurisdiction), nothing in the database changes, and no list shows the other side's objects.
 * Path variables are filled by name and route prefix; a route this test does not know fails it.
 */
@IntegrationTest
class JurisdictionMatrixTests {

    enum Side { CITY, COUNTY, FOREIGN }

    /** The roles, with the sides inside and outside their jurisdiction (the city governs the county too: not tested here). */
    static final Map<String, List<Side>> INSIDE = new LinkedHashMap<>();
    static final Map<String, List<Side>> OUTSIDE = new LinkedHashMap<>();

    static {
        for (String city : List.of("office", "supervisor", "leader", "epb-head", "epb-staff")) {
            INSIDE.put(city, List.of(Side.CITY));
            OUTSIDE.put(city, List.of(Side.FOREIGN));
        }
        for (String county : List.of("linxiang-office", "linxiang-supervisor", "linxiang-staff")) {
            INSIDE.put(county, List.of(Side.COUNTY));
            OUTSIDE.put(county, List.of(Side.CITY)); // the parent office's objects (a foreign city's are no nearer)
        }
        INSIDE.put("admin", List.of(Side.FOREIGN)); // administrators everywhere: the farthest object will do
        OUTSIDE.put("admin", List.of());
    }

    /** Routes that are not about one office's objects: signing in, the API description, errors. */
    static final Set<String> NOT_SCOPED = Set.of("/login", "/logout", "/error", "/v3/api-docs", "/v3/api-docs.yaml",
            "/v3/api-docs/swagger-config", "/swagger-ui.html", "/", "/language");

    /** Reads every signed-in user may make of any object: the unit tree is the shared frame (units are named on every page). */
    static final Set<String> SHARED_READS = Set.of("GET /api/units/{id}");

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The audit chain's own tables: what an audited write adds to them is the point, not a change to hide. */
    static final Set<String> AUDIT_TABLES = Set.of("audit_entry", "audit_anchor");

    private final long[] auditSeen = {0};
    /** What the requests change, looked at after each write. */
    private TableChanges changes;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.rectify.audit.AuditLog auditLog;
    @Autowired
    org.rectify.platform.EmbeddedDatabaseServer database;
    @Autowired
    Plans plans;
    @Autowired
    Units units;
    @Autowired
    UnitAdministration administration;
    @Autowired
    Accounts accounts;
    @Autowired
    People people;
    @Autowired
    UserDetailsService userDetails;

    record Route(String method, String pattern, boolean multipartOnly) {
        String key() {
            return method + " " + pattern;
        }
    }

    record Fixture(Side side, long owner, long lead, long unit, long plan, long task, long circular, long notice,
                   long instruction, long webhook, long report, long evidence, long draft, long card, long account,
                   long person, long group, long inbox, long closure, long token, String marker) {
    }

    record Case(String role, Route route, Side side, boolean inside, int status, String note) {
    }

    private final Map<Side, Fixture> fixtures = new EnumMap<>(Side.class);
    /** Each side's look-back (on a closed task of its plan) and accountability proposal: kinds "lookback", "proposal". */
    private static final Map<Side, Map<String, Long>> CLOSURE_OBJECTS = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, RequestPostProcessor> logins = new LinkedHashMap<>();

    @Test
    void no_role_reaches_an_object_outside_its_jurisdiction_on_any_route() throws Exception {
        // thousands of pages: parse each template once (the test profile re-reads them on every request)
        var resolvers = context.getBeansOfType(org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver.class).values();
        resolvers.forEach(t -> t.setCacheable(true));
        try {
            matrix();
        } finally {
            resolvers.forEach(t -> t.setCacheable(false));
            if (changes != null) {
                changes.close();
            }
        }
    }

    /** The probe sees a change made behind the application's back, in its table, and its undoing; a same-value write is none. */
    private void plantedChangesAreSeen() {
        Fixture city = fixtures.get(Side.CITY);
        for (String[] planted : List.of(new String[]{"webhook", "name"}, new String[]{"account", "display_name"})) {
            String table = planted[0];
            String column = planted[1];
            long id = table.equals("webhook") ? city.webhook() : city.account();
            jdbc.update("update " + table + " set " + column + " = " + column + " || '·' where id = ?", id);
            assertThat(changes.changed()).as("a planted update of " + table).containsExactly(table);
            jdbc.update("update " + table + " set " + column + " = left(" + column + ", -1) where id = ?", id);
            assertThat(changes.changed()).as("its undoing").containsExactly(table);
            jdbc.update("update " + table + " set " + column + " = " + column + " where id = ?", id);
            assertThat(changes.changed()).as("the same value written back").isEmpty();
        }
        jdbc.update("update account set session_version = session_version + 1 where id = ?", city.account());
        jdbc.update("update account set session_version = session_version - 1 where id = ?", city.account());
        assertThat(changes.changed()).as("the session counter is not covered").isEmpty();
    }

    private void matrix() throws Exception {
        long started = System.nanoTime();
        List<Route> routes = routes();
        for (String role : INSIDE.keySet()) {
            logins.put(role, user(userDetails.loadUserByUsername(role)));
        }
        makeFixtures();
        logins.put("admin", user(userDetails.loadUserByUsername("admin")));
        changes = new TableChanges(database.ownerDataSource());
        plantedChangesAreSeen();

        List<Case> cases = new ArrayList<>();
        List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
        cases = java.util.Collections.synchronizedList(cases);
        // outside first: nothing may change, so every case sees the same database. Reads are asked a few at a time.
        List<Job> outsideJobs = new ArrayList<>();
        for (Route route : routes) {
            for (String role : INSIDE.keySet()) {
                for (Side side : OUTSIDE.get(role)) {
                    if (!route_hasObject(route) && !route.method().equals("GET")) {
                        continue; // a write naming no object acts on the caller's own (a draft of its own, its own inbox)
                    }
                    if (!route_hasObject(route) && side != OUTSIDE.get(role).get(0)) {
                        continue; // a list is the same request whatever the side: asked once, checked for every side below
                    }
                    outsideJobs.add(new Job(route, role, side));
                }
            }
        }
        List<Case> all = cases;
        runAll(outsideJobs.stream().filter(j -> j.route().method().equals("GET")).toList(), true,
                (job, r) -> checkOutside(job, r, all, leaks));
        auditLog.awaitLinked(); // the fixtures' records, linked after their commands answered, before the baseline
        changes.changed();
        runAll(outsideJobs.stream().filter(j -> !j.route().method().equals("GET")).toList(), false, (job, r) -> {
            checkOutside(job, r, all, leaks);
            Set<String> changed = changes.changed();
            if (!changed.isEmpty()) {
                leaks.add("changed " + changed + " " + describe(job.route(), job.role(), job.side(), r.getResponse().getStatus()));
            }
        });
        // inside: reads first, then writes, deletions last, so that one case's deletion does not hide the next
        Map<String, Integer> insideStatus = new java.util.concurrent.ConcurrentHashMap<>();
        List<Job> insideJobs = new ArrayList<>();
        for (Route route : routes) {
            for (String role : INSIDE.keySet()) {
                for (Side side : INSIDE.get(role)) {
                    if (!destructiveOnSharedRows(route, role) && route_hasObject(route)) { // lists were asked above
                        insideJobs.add(new Job(route, role, side));
                    }
                }
            }
        }
        java.util.function.BiConsumer<Job, MvcResult> inside = (job, r) -> {
            int status = r.getResponse().getStatus();
            all.add(new Case(job.role(), job.route(), job.side(), true, status, null));
            insideStatus.putIfAbsent(job.route().key() + " " + job.role(), status);
            if (status >= 500) {
                leaks.add("5xx inside " + describe(job.route(), job.role(), job.side(), status));
            }
        };
        runAll(insideJobs.stream().filter(j -> j.route().method().equals("GET")).toList(), true, inside);
        // a write that changed data must have appended to the audit chain (pending in its own transaction, linked after)
        auditLog.awaitLinked();
        changes.changed();
        Set<String> unaudited = new TreeSet<>();
        java.util.function.BiConsumer<Job, MvcResult> insideWrite = (job, r) -> {
            inside.accept(job, r);
            long head = auditHead(); // first: the command's pending records linked, as they are after any command
            boolean changedData = !AUDIT_TABLES.containsAll(changes.changed());
            // a refusal is not blamed: what changed then is the previous command's work after its commit
            if (r.getResponse().getStatus() < 400 && changedData && head == auditSeen[0]) {
                unaudited.add(job.route().key() + " (as " + job.role() + " → " + r.getResponse().getStatus() + ")");
            }
            auditSeen[0] = head;
        };
        auditSeen[0] = auditHead();
        runAll(insideJobs.stream().filter(j -> !List.of("GET", "DELETE").contains(j.route().method())).toList(), false, insideWrite);
        runAll(insideJobs.stream().filter(j -> j.route().method().equals("DELETE")).toList(), false, insideWrite);
        // an office-level object outside the jurisdiction is "not found" wherever the role may act in its own
        for (Case c : cases) {
            if (!c.inside() && route_hasObject(c.route()) && !SHARED_READS.contains(c.route().key())) {
                Integer own = insideStatus.get(c.route().key() + " " + c.role());
                // input refused before any lookup (400, 415, 422 on both sides) reveals and changes nothing
                boolean roleMayAct = own != null && (own < 400 || own == 409) ;
                if (roleMayAct && c.status() != 404) {
                    leaks.add("not 404 (own side " + own + ") " + describe(c.route(), c.role(), c.side(), c.status()));
                }
            }
        }
        long outside = cases.stream().filter(c -> !c.inside()).count();
        System.out.printf("jurisdiction matrix: %d routes × %d roles × objects inside/outside (%d sides) = %d cases "
                        + "(%d outside, %d inside); leaks=%d; %d s%n", routes.size(), INSIDE.size(), Side.values().length,
                cases.size(), outside, cases.size() - outside, leaks.size(), (System.nanoTime() - started) / 1_000_000_000);
        System.out.printf("audit coverage: %d write routes tried inside; changed data unrecorded=%d%n", insideJobs.stream()
                .filter(j -> !j.route().method().equals("GET")).map(j -> j.route().key()).distinct().count(), unaudited.size());
        assertThat(leaks).as("requests that reached, listed or changed an object outside the caller's jurisdiction").isEmpty();
        assertThat(unaudited).as("writes that changed data and appended nothing to the audit chain").isEmpty();
        assertThat(routes.size()).isGreaterThan(100);
    }

    record Job(Route route, String role, Side side) {
    }

    private void checkOutside(Job job, MvcResult r, List<Case> cases, List<String> leaks) {
        Route route = job.route();
        int status = r.getResponse().getStatus();
        cases.add(new Case(job.role(), route, job.side(), false, status, null));
        if (status >= 500) {
            leaks.add("5xx " + describe(route, job.role(), job.side(), status));
        } else if (route_hasObject(route) && status < 400 && !SHARED_READS.contains(route.key())) {
            leaks.add("answered " + describe(route, job.role(), job.side(), status));
        } else if (!route_hasObject(route)) {
            String body;
            try {
                body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
            for (Side other : OUTSIDE.get(job.role())) {
                if (body.contains(fixtures.get(other).marker())) {
                    leaks.add("listed " + describe(route, job.role(), other, status));
                }
            }
        }
    }

    /** Runs the cases, reads three at a time (they change nothing), writes one by one in order. */
    private void runAll(List<Job> jobs, boolean parallel, java.util.function.BiConsumer<Job, MvcResult> check) throws Exception {
        if (!parallel) {
            for (Job job : jobs) {
                check.accept(job, perform(job.route(), job.role(), fixtures.get(job.side())));
            }
            return;
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Job job : jobs) {
                done.add(pool.submit(() -> {
                    check.accept(job, perform(job.route(), job.role(), fixtures.get(job.side())));
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static boolean route_hasObject(Route route) {
        return route.pattern().contains("{") || bodyTemplate(route) != null;
    }

    /** Writes an administrator would make on rows other tests read (the demo's unit groups): not made here. */
    private static boolean destructiveOnSharedRows(Route route, String role) {
        return !route.method().equals("GET") && route.pattern().startsWith("/admin/units/groups");
    }

    private static String describe(Route route, String role, Side side, int status) {
        return route.key() + " as " + role + " on the " + side + " object → " + status;
    }

    // ---- the routes ----

    private List<Route> routes() throws Exception {
        Map<String, Route> found = new LinkedHashMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                boolean multipart = !info.getConsumesCondition().isEmpty() && info.getConsumesCondition().getConsumableMediaTypes()
                        .stream().allMatch(t -> t.isCompatibleWith(MediaType.MULTIPART_FORM_DATA));
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    if (NOT_SCOPED.contains(pattern) || pattern.startsWith("/swagger-ui") || pattern.startsWith("/v3/api-docs")
                            || pattern.startsWith("/webjars") || pattern.startsWith("/css") || pattern.startsWith("/js")) {
                        continue;
                    }
                    for (String method : methods) {
                        Route route = new Route(method, pattern, multipart);
                        // a path answered both as JSON and as multipart is tried as JSON
                        found.merge(route.key(), route, (a, b) -> a.multipartOnly() ? b : a);
                    }
                }
            }
        }
        // every operation of the API description is a route here, and every /api route is described
        String docs = mvc.perform(get("/v3/api-docs").with(user(userDetails.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        Set<String> described = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> described.add(m.toUpperCase() + " " + path)));
        Set<String> apiRoutes = new TreeSet<>();
        found.values().stream().filter(r -> r.pattern().startsWith("/api")).forEach(r -> apiRoutes.add(normalise(r.key())));
        Set<String> describedNormalised = new TreeSet<>();
        described.forEach(d -> describedNormalised.add(normalise(d)));
        assertThat(apiRoutes).as("OpenAPI operations the application does not answer").containsAll(describedNormalised);
        // (the converse does not hold: the .docx downloads are not described; the mapping brings them in)
        List<Route> routes = new ArrayList<>(found.values());
        routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(Route::method));
        for (Route route : routes) { // fails here for a route whose objects this test does not know
            for (String variable : variables(route.pattern())) {
                kind(route.pattern(), variable);
            }
        }
        return routes;
    }

    private static String normalise(String key) {
        return key.replaceAll("\\{([^}:]+)(:[^}]*)?}", "{$1}");
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The kind of object a path variable names, by its name and the route's prefix. */
    private static String kind(String pattern, String variable) {
        if (variable.equals("planId")) {
            return "plan";
        }
        if (variable.equals("taskId")) {
            return "task";
        }
        if (variable.equals("evidenceId")) {
            return "evidence";
        }
        if (variable.equals("cardId")) {
            return "card";
        }
        if (variable.equals("command") || variable.equals("day") || variable.equals("year")) {
            return variable; // not objects: a command's name, a calendar day (the calendar is the administrator's, no office's)
        }
        if (variable.equals("objectionId")) {
            return "closure"; // no objection exists: the attempt decides (a closure id is as good a number as any)
        }
        String[][] prefixes = {
                {"/tasks/", "task"}, {"/api/tasks/", "task"}, {"/api/plans/", "plan"}, {"/plans/", "plan"},
                {"/supervision/circulars/", "circular"}, {"/api/supervision/circulars/", "circular"},
                {"/supervision/notices/", "notice"}, {"/api/supervision/notices/", "notice"},
                {"/supervision/instructions/", "instruction"}, {"/api/supervision/instructions/", "instruction"},
                {"/admin/webhooks/", "webhook"}, {"/api/admin/webhooks/", "webhook"},
                {"/progress/reports/", "report"}, {"/api/progress/reports/", "report"},
                {"/progress/evidence/", "evidence"}, {"/api/progress/evidence/", "evidence"},
                {"/intake/drafts/", "draft"}, {"/api/intake/drafts/", "draft"},
                {"/inbox/", "inbox"}, {"/api/inbox/", "inbox"},
                {"/account/tokens/", "token"}, {"/api/account/tokens/", "token"},
                {"/closure/look-backs/", "lookback"}, {"/api/look-backs/", "lookback"},
                {"/supervision/accountability/proposals/", "proposal"}, {"/api/supervision/accountability/proposals/", "proposal"},
                {"/admin/units/groups/", "group"}, {"/admin/units/", "unit"}, {"/api/units/", "unit"},
                {"/admin/accounts/", "account"}, {"/api/admin/accounts/", "account"},
                {"/admin/people/", "person"}, {"/api/admin/people/", "person"},
                {"/closure/", "closure"}, {"/api/closures/", "closure"}, {"/public/closures/", "closure"},
        };
        for (String[] p : prefixes) {
            if (pattern.startsWith(p[0]) && variable.equals("id")) {
                return p[1];
            }
        }
        throw new AssertionError("the matrix does not know the objects of " + pattern + " {" + variable + "}: add it");
    }

    private static long id(Fixture f, String kind) {
        return switch (kind) {
            case "plan" -> f.plan();
            case "task" -> f.task();
            case "card" -> f.card();
            case "circular" -> f.circular();
            case "notice" -> f.notice();
            case "instruction" -> f.instruction();
            case "webhook" -> f.webhook();
            case "report" -> f.report();
            case "evidence" -> f.evidence();
            case "draft" -> f.draft();
            case "inbox" -> f.inbox();
            case "token" -> f.token();
            case "group" -> f.group();
            case "unit" -> f.unit();
            case "account" -> f.account();
            case "person" -> f.person();
            case "lookback", "proposal" -> CLOSURE_OBJECTS.get(f.side()).get(kind);
            case "closure" -> f.closure();
            default -> throw new AssertionError(kind);
        };
    }

    /** A plausible body for the routes whose object is named in the body, so the scope decides and not the input. */
    private static String bodyTemplate(Route route) {
        return switch (route.key()) {
            case "POST /api/tasks" -> "{\"planId\": {plan}, \"ref\": \"M{seq}\", \"text\": \"矩阵\", \"leadUnits\": {\"unitIds\": [{lead}]}}";
            case "POST /api/supervision/notices" -> "{\"taskId\": {task}, \"demands\": \"矩阵\", \"replyBy\": \"{future}\"}";
            case "POST /api/supervision/instructions" -> "{\"taskId\": {task}, \"text\": \"矩阵\", \"answerBy\": \"{future}\"}";
            case "POST /api/supervision/ledger" -> "{\"taskId\": {task}, \"reason\": \"矩阵\"}";
            case "POST /api/supervision/accountability" -> "{\"type\": \"SUMMONS\", \"unitId\": {lead}, \"takenOn\": \"{past}\", "
                    + "\"reason\": \"矩阵\", \"taskIds\": [{task}]}";
            case "POST /api/admin/webhooks" -> "{\"name\": \"矩阵\", \"format\": \"GENERIC\", \"url\": \"https://hooks.example/m\", \"unitId\": {owner}}";
            case "PUT /api/tasks/{id}" -> "{\"version\": 0, \"task\": {\"planId\": {plan}, \"ref\": \"一\", \"text\": \"矩阵改写\", "
                    + "\"leadUnits\": {\"unitIds\": [{lead}]}}}";
            case "POST /api/tasks/{id}/transitions" -> "{\"command\": \"CANCEL\", \"reason\": \"矩阵\"}";
            case "PUT /api/supervision/circulars/{id}" -> "{\"version\": 0, \"title\": \"矩阵\", \"addressees\": \"矩阵\", "
                    + "\"body\": \"矩阵\", \"issuerUnit\": \"矩阵\"}";
            case "PUT /api/supervision/settings/{planId}" -> "{\"blueDays\": 3, \"reportGraceDays\": 1}";
            case "PUT /api/progress/plans/{planId}/cadence" -> "{\"kind\": \"MONTHLY\", \"dueDay\": 20, \"graceDays\": 2}";
            case "PUT /api/admin/webhooks/{id}" -> "{\"name\": \"矩阵\", \"format\": \"GENERIC\", \"url\": \"https://hooks.example/x\"}";
            case "POST /api/supervision/notices/{id}/reply", "POST /api/supervision/instructions/{id}/answer" -> "{\"reply\": \"矩阵\", \"answer\": \"矩阵\"}";
            case "POST /api/supervision/circulars" -> "{\"planId\": {plan}}";
            case "POST /api/look-backs/campaigns" -> "{\"planId\": {plan}, \"title\": \"矩阵\", \"refs\": [\"回一\"], \"dueOn\": \"{future}\"}";
            case "POST /api/look-backs/{id}/record" -> "{\"outcome\": \"HELD\", \"findings\": \"矩阵\"}";
            case "PUT /api/look-backs/settings/{planId}" -> "{\"months\": [6, 12]}";
            case "POST /api/supervision/accountability/proposals/{id}/confirm",
                 "POST /api/supervision/accountability/proposals/{id}/dismiss" -> "{\"type\": \"SUMMONS\", \"note\": \"矩阵\"}";
            case "POST /api/tasks/batch" -> "{\"action\": \"LEDGER\", \"reason\": \"矩阵\", \"taskIds\": [{task}]}";
            case "POST /api/progress/reports/batch-approve" -> "{\"reportIds\": [{report}]}";
            case "POST /api/progress/reports" -> "{\"taskId\": {task}, \"cycleId\": {cycle}, \"content\": {\"workDone\": \"矩阵\", "
                    + "\"phase\": \"IN_PROGRESS\", \"onSchedule\": true}}";
            default -> null;
        };
    }

    /** Form fields for the pages whose object is named in the form. */
    private static Map<String, String> formTemplate(Route route) {
        return switch (route.key()) {
            case "POST /supervision/notices", "POST /supervision/ledger", "POST /supervision/instructions" ->
                    Map.of("taskId", "{task}", "demands", "矩阵", "reason", "矩阵", "text", "矩阵", "replyBy", "{future}", "answerBy", "{future}");
            case "POST /tasks" -> Map.of("planId", "{plan}", "ref", "M{seq}", "text", "矩阵");
            case "POST /tasks/batch" -> Map.of("action", "LEDGER", "reason", "矩阵", "taskId", "{task}");
            case "POST /progress/reports/batch-approve" -> Map.of("reportId", "{report}");
            case "POST /plans/{id}/short-name" -> Map.of("shortName", "矩阵");
            case "POST /admin/webhooks" -> Map.of("name", "矩阵", "format", "GENERIC", "url", "https://hooks.example/m", "unitId", "{owner}");
            default -> Map.ofEntries(Map.entry("command", "CANCEL"), Map.entry("reason", "矩阵"), Map.entry("enabled", "false"),
                    Map.entry("version", "0"), Map.entry("title", "矩阵"), Map.entry("addressees", "矩阵"), Map.entry("body", "矩阵"),
                    Map.entry("issuerUnit", "矩阵"), Map.entry("email", "m@demo.rectify.invalid"), Map.entry("reply", "矩阵"),
                    Map.entry("answer", "矩阵"), Map.entry("name", "矩阵"));
        };
    }

    private String fill(String template, Fixture f) {
        LocalDate today = LocalDate.now();
        Long cycle = !template.contains("{cycle}") ? 0L : jdbc.queryForList(
                "select id from reporting_cycle where plan_id = ? and due_on > current_date order by due_on", Long.class, f.plan())
                .stream().findFirst().orElse(0L);
        return template.replace("{plan}", String.valueOf(f.plan())).replace("{task}", String.valueOf(f.task())).replace("{report}", String.valueOf(f.report()))
                .replace("{lead}", String.valueOf(f.lead())).replace("{owner}", String.valueOf(f.owner()))
                .replace("{cycle}", String.valueOf(cycle)).replace("{seq}", String.valueOf(SEQ.incrementAndGet()))
                .replace("{future}", today.plusDays(30).toString()).replace("{past}", today.minusDays(1).toString());
    }

    private MvcResult perform(Route route, String role, Fixture f) throws Exception {
        String uri = route.pattern();
        for (String variable : variables(route.pattern())) {
            String kind = kind(route.pattern(), variable);
            String value = switch (kind) {
                case "command" -> "submit";
                case "day" -> "2035-01-02";
                case "year" -> "2035";
                default -> String.valueOf(id(f, kind));
            };
            uri = uri.replaceFirst("\\{" + Pattern.quote(variable) + "(:[^}]*)?}", value);
        }
        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> req;
        if (route.multipartOnly()) {
            req = multipart(HttpMethod.valueOf(route.method()), uri)
                    .file(new MockMultipartFile("files", "m.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
        } else {
            MockHttpServletRequestBuilder plain = request(HttpMethod.valueOf(route.method()), uri);
            if (!route.method().equals("GET")) {
                if (uri.startsWith("/api")) {
                    String template = bodyTemplate(route);
                    plain.contentType(MediaType.APPLICATION_JSON).content(template == null ? "{\"version\": 0}" : fill(template, f));
                } else {
                    formTemplate(route).forEach((k, v) -> plain.param(k, fill(v, f)));
                }
            }
            req = plain;
        }
        if (uri.endsWith("/enabled")) {
            req.param("enabled", "false");
        }
        return mvc.perform(req.with(logins.get(role)).with(csrf())).andReturn();
    }

    /** Signed in as this account, with the CSRF token a page's session sends (writes on a session need it). */
    private static RequestPostProcessor user(org.springframework.security.core.userdetails.UserDetails details) {
        RequestPostProcessor signedIn =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(details);
        return request -> csrf().postProcessRequest(signedIn.postProcessRequest(request));
    }

    // ---- the objects ----

    private void makeFixtures() throws Exception {
        long cityUnit = unitId("临沧市");
        long countyUnit = unitId("临翔区");
        var foreignRoot = administration.create(new NewUnit(null, "矩阵外市" + SEQ.incrementAndGet(), UnitLevel.CITY, UnitType.REGION));
        var foreignDept = administration.create(new NewUnit(foreignRoot.id(), foreignRoot.name() + "环保局", UnitLevel.CITY, UnitType.DEPARTMENT));
        String tag = "f" + System.nanoTime();
        accounts.create(new NewAccount("matrix-office-" + tag, "matrix-password-1", "矩阵外市整改办", foreignRoot.id(), Role.OFFICE, null));
        accounts.create(new NewAccount("matrix-leader-" + tag, "matrix-password-1", "矩阵外市领导", foreignRoot.id(), Role.LEADER, null));
        fixtures.put(Side.CITY, fixture(Side.CITY, cityUnit, unitId("市环境保护局"), "office", "leader", tag));
        fixtures.put(Side.COUNTY, fixture(Side.COUNTY, countyUnit, unitId("临翔区政府"), "linxiang-office", "admin", tag));
        fixtures.put(Side.FOREIGN, fixture(Side.FOREIGN, foreignRoot.id(), foreignDept.id(), "matrix-office-" + tag,
                "matrix-leader-" + tag, tag));
    }

    private Fixture fixture(Side side, long owner, long lead, String officeUser, String leaderUser, String tag) throws Exception {
        String marker = "矩阵" + side + tag;
        RequestPostProcessor admin = user(userDetails.loadUserByUsername("admin"));
        RequestPostProcessor office = user(userDetails.loadUserByUsername(officeUser));
        RequestPostProcessor leader = user(userDetails.loadUserByUsername(leaderUser));
        var unit = administration.create(new NewUnit(lead, "矩阵科" + SEQ.incrementAndGet(), UnitLevel.CITY, UnitType.DEPARTMENT));
        long account = accounts.create(new NewAccount("matrix-staff-" + side.name().toLowerCase() + "-" + tag, "matrix-password-1",
                marker + "经办人", lead, Role.UNIT_STAFF, null));
        RequestPostProcessor staff = user(userDetails.loadUserByUsername("matrix-staff-" + side.name().toLowerCase() + "-" + tag));
        long plan = plans.createPlan(null, "矩阵方案" + SEQ.incrementAndGet(), "矩阵", null, owner);
        LocalDate today = LocalDate.now();
        mvc.perform(put("/api/progress/plans/{id}/cadence", plan).with(admin).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "CUSTOM", "graceDays": 3, "startsOn": "%s", "customDueDates": ["%s", "%s"]}"""
                        .formatted(today.minusDays(20), today.plusDays(10), today.plusDays(40))))
                .andExpect(status().isOk());
        long task = id(mvc.perform(post("/api/tasks").with(admin).contentType(MediaType.APPLICATION_JSON).content("""
                {"planId": %d, "ref": "一", "title": "%s任务", "text": "%s", "leadUnits": {"unitIds": [%d]},
                 "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}""".formatted(plan, marker, marker, lead, today.plusDays(60)))));
        for (String command : List.of("ASSIGN", "START")) {
            mvc.perform(post("/api/tasks/{id}/transitions", task).with(admin).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\": \"%s\"}".formatted(command))).andExpect(status().isOk());
        }
        long cycle = jdbc.queryForObject("select id from reporting_cycle where plan_id = ? and due_on > current_date order by due_on limit 1",
                Long.class, plan);
        MockMultipartFile reportPart = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
                "{\"taskId\": %d, \"cycleId\": %d, \"content\": {\"workDone\": \"%s\", \"phase\": \"IN_PROGRESS\", \"onSchedule\": true}}"
                        .formatted(task, cycle, marker).getBytes(StandardCharsets.UTF_8));
        long report = id(mvc.perform(multipart("/api/progress/reports").file(reportPart)
                .file(new MockMultipartFile("files", "m.pdf", "application/pdf", ("%PDF-1.4\n% " + marker + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8))).with(staff)));
        long evidence = jdbc.queryForObject("select evidence_id from report_attachment where report_id = ? and evidence_id is not null limit 1",
                Long.class, report);
        long circular = id(mvc.perform(post("/api/supervision/circulars").with(office).contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"%s\", \"to\": \"%s\"}".formatted(today.minusDays(30), today.minusDays(1)))));
        jdbc.update("update circular set title = ? where id = ?", marker + "通报", circular);
        long notice = id(mvc.perform(post("/api/supervision/notices").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"demands\": \"%s督办\", \"replyBy\": \"%s\"}".formatted(task, marker, today.plusDays(20)))));
        long instruction = id(mvc.perform(post("/api/supervision/instructions").with(leader).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"text\": \"%s批示\", \"answerBy\": \"%s\"}".formatted(task, marker, today.plusDays(20)))));
        mvc.perform(post("/api/supervision/ledger").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskId\": %d, \"reason\": \"%s挂账\"}".formatted(task, marker))).andExpect(status().is2xxSuccessful());
        long webhook = id(mvc.perform(post("/api/admin/webhooks").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"%s机器人\", \"format\": \"GENERIC\", \"url\": \"https://hooks.example/%s?token=t\", \"unitId\": %d, \"enabled\": false}"
                        .formatted(marker, side, owner))));
        long draft = id(mvc.perform(post("/api/intake/drafts").with(office).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"%s整改方案\\n一、问题\\n1.整治%s。（牵头单位：%s）\"}".formatted(marker, marker, "临沧市"))));
        long card = jdbc.queryForObject("select id from plan_draft_task where draft_id = ? order by id limit 1", Long.class, draft);
        long person = people.record(marker + "责任人", "科长", lead, null).id();
        long group = jdbc.queryForObject("select id from unit_group order by id limit 1", Long.class);
        jdbc.update("insert into inbox_message (account_id, kind, message_key, args, dedupe_key, created_at) values (?, 'MATRIX', 'notify.webhookTestMessage', '', 'matrix:' || ?, now())",
                account, marker);
        long inbox = jdbc.queryForObject("select max(id) from inbox_message where account_id = ?", Long.class, account);
        long token = jdbc.queryForObject("insert into api_token (account_id, name, secret_hash, prefix, expires_at) "
                + "values (?, ?, sha256(convert_to(?, 'UTF8')), 'rct_matrix', now() + interval '1 day') returning id",
                Long.class, account, marker + "令牌", "rct_" + marker);
        CLOSURE_OBJECTS.put(side, closureObjects(plan, lead, marker, admin, office));
        // a closure application by the lead unit (one deliverable and the five default conditions)
        MockMultipartFile application = new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                ("{\"taskId\": %d, \"application\": {\"statement\": \"%s销号\", \"answers\": [%s]}}").formatted(task, marker,
                        String.join(", ", java.util.Collections.nCopies(6, "{\"achieved\": true, \"text\": \"已完成\"}")))
                        .getBytes(StandardCharsets.UTF_8));
        long closure = id(mvc.perform(multipart("/api/closures").file(application)
                .file(new MockMultipartFile("files", "c.pdf", "application/pdf", ("%PDF-1.4\n% " + marker + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8))).with(staff)));
        return new Fixture(side, owner, lead, unit.id(), plan, task, circular, notice, instruction, webhook, report, evidence,
                draft, card, account, person, group, inbox, closure, token, marker);
    }

    /** A closed task of the plan with its look-backs (the campaign's is the one named), and an accountability proposal. */
    private Map<String, Long> closureObjects(long plan, long lead, String marker, RequestPostProcessor admin,
                                             RequestPostProcessor office) throws Exception {
        LocalDate today = LocalDate.now();
        long closed = id(mvc.perform(post("/api/tasks").with(admin).contentType(MediaType.APPLICATION_JSON).content("""
                {"planId": %d, "ref": "回一", "title": "%s回头看", "text": "%s", "leadUnits": {"unitIds": [%d]},
                 "milestones": [{"dueOn": "%s", "deliverable": "完成"}]}""".formatted(plan, marker, marker, lead, today.plusDays(60)))));
        for (String command : List.of("ASSIGN", "START")) {
            mvc.perform(post("/api/tasks/{id}/transitions", closed).with(admin).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\": \"%s\"}".formatted(command))).andExpect(status().isOk());
        }
        for (String step : List.of("REQUEST_CLOSURE", "CLOSE")) { // the closure procedure's own steps, through plans
            org.rectify.TestTasks.closureStep(mvc, closed, step);
        }
        // the closing schedules its rounds after the commit: wait, so that nothing changes while the matrix runs
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from look_back where task_id = ? and round_months is not null", Integer.class, closed) == 2);
        mvc.perform(post("/api/look-backs/campaigns").with(office).contentType(MediaType.APPLICATION_JSON)
                .content("{\"planId\": %d, \"title\": \"%s专项\", \"refs\": [\"回一\"], \"dueOn\": \"%s\"}"
                        .formatted(plan, marker, today.plusDays(20)))).andExpect(status().isCreated());
        long lookBack = jdbc.queryForObject("select id from look_back where task_id = ? and campaign_id is not null", Long.class, closed);
        jdbc.update("insert into accountability_proposal (task_id, unit_id, reason, proposed_at) values (?, ?, ?, now())",
                closed, lead, marker + "反弹");
        long proposal = jdbc.queryForObject("select max(id) from accountability_proposal where task_id = ?", Long.class, closed);
        return Map.of("lookback", lookBack, "proposal", proposal);
    }

    /** The audit chain's last sequence number. */
    private long auditHead() {
        auditLog.awaitLinked(); // linked by the node's linker after the command answered
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    private long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        MvcResult r = result.andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isBetween(200, 299);
        return ((Number) JsonPath.read(r.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id")).longValue();
    }

    private long unitId(String name) {
        return units.resolve(name).orElseThrow().id();
    }
}
