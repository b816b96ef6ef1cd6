package org.rectify.intake;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.rectify.ExecutedStatements;
import org.rectify.IntegrationTest;
import org.rectify.intake.parser.DraftPlan;
import org.rectify.intake.parser.ResolutionRule;
import org.rectify.intake.parser.UnitMention;
import org.rectify.intake.parser.UnitResolver;
import org.rectify.units.UnitReference;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.DemoLogins.office;
import static org.rectify.intake.IntakeSupport.seed;
import static org.rectify.intake.internal.db.Tables.PLAN_DRAFT_TASK;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A draft's statements do not grow with the plan (issue 14, session 24: a province's 2,000-task plan names 818 units):
 * the unit names in one statement, the cards in one, the answer made from what was written; and each gives what the
 * one-by-one way gave. Counted on the request's thread as the app's jOOQ runs them.
 */
@IntegrationTest
class DraftStatementsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Names as written, by alias, by group, by a rule (人民政府, 委员会, a former name, 和), and unknown. */
    private static final String MIXED = """
            甲市名称解析测试方案

            一、名称
            （一）按原名。2027年底前完成。（责任单位：市环境保护局；配合单位：市财政局）
            （二）按别名。2027年底前完成。（责任单位：市环保局；配合单位：各县区党委）
            （三）按规则。2027年底前完成。（责任单位：临翔区人民政府、市发展改革委员会；配合单位：市国土资源局、市住房城乡建设局）
            （四）不认识。2027年底前完成。（责任单位：市不存在办公室；配合单位：市环境保护局、市环保局）
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanIntake intake;
    @Autowired
    Units units;
    @Autowired
    DSLContext db;

    @Test
    void a_new_drafts_answer_is_the_draft_as_read_back_field_for_field() throws Exception {
        String created = mvc.perform(post("/api/intake/drafts").with(office())
                        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).content(seed()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode answer = JSON.readTree(created);
        String read = mvc.perform(get("/api/intake/drafts/{id}", answer.get("id").asLong()).with(office()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        // ids, versions, times, every card's fields in order, the warnings and unresolved mentions: all alike
        assertThat(answer).isEqualTo(JSON.readTree(read));
        assertThat(answer.get("tasks")).hasSize(22);
        assertThat(answer.get("tasks").get(0).get("version").asInt()).isZero();
        assertThat(answer.get("createdAt").asString()).isEqualTo(answer.get("updatedAt").asString());
    }

    @Test
    void a_drafts_cards_are_stored_by_one_statement_in_their_order() throws Exception {
        long[] id = new long[1];
        List<String> statements = counted(() -> id[0] = JSON.readTree(mvc.perform(post("/api/intake/drafts").with(office())
                        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).content(seed()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("id").asLong());

        assertThat(statements.stream().filter(s -> s.contains("\"plan_draft_task\""))).as(String.join("\n", statements))
                .singleElement().satisfies(s -> assertThat(s).startsWith("insert into").contains("jsonb_array_elements"));
        var rows = db.selectFrom(PLAN_DRAFT_TASK).where(PLAN_DRAFT_TASK.DRAFT_ID.eq(id[0])).orderBy(PLAN_DRAFT_TASK.ID).fetch();
        assertThat(rows).extracting(r -> r.getPosition()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 22).boxed().toList());
        assertThat(JSON.readTree(rows.get(0).getContent().data()).get("ref").asString()).isEqualTo("二(一)"); // the seed's first task
    }

    @Test
    void a_plans_unit_names_are_read_in_one_statement_and_resolve_as_they_did_one_at_a_time() throws Exception {
        for (String plan : List.of(MIXED, seed())) {
            UnitResolver oneByOne = intake.unitTree();
            DraftPlan before = new org.rectify.intake.parser.PlanParser().parse(plan, (name, group) -> oneByOne.resolve(name, group));
            DraftPlan[] after = new DraftPlan[1];
            List<String> statements = counted(() -> after[0] = intake.parse(plan));

            assertThat(statements).as(String.join("\n", statements)).hasSize(1);
            assertThat(after[0]).isEqualTo(before);
        }
        DraftPlan mixed = intake.parse(MIXED);
        List<UnitMention> named = mixed.tasks().stream()
                .flatMap(t -> Stream.concat(t.leadUnits().stream(), t.supportingUnits().stream())).toList();
        assertThat(named).extracting(UnitMention::rule).contains(ResolutionRule.AS_WRITTEN, ResolutionRule.CONJUNCTION);
        assertThat(named).filteredOn(m -> m.name().equals("各县区党委")).singleElement()
                .satisfies(m -> assertThat(m.group()).isTrue());
        assertThat(named).filteredOn(m -> m.name().equals("市环保局")).extracting(UnitMention::unitName)
                .containsOnly("市环境保护局");
        assertThat(mixed.unresolved()).extracting(u -> u.mention()).containsExactly("市不存在办公室");
    }

    /** A breakdown sheet's rows: lead and supporting units by name, alias, group, a rule, and one unknown. */
    @Test
    void a_spreadsheets_unit_names_are_read_in_one_statement_and_resolve_as_the_parsers() throws Exception {
        String[][] rows = new String[40][];
        String[] leads = {"市环境保护局", "市环保局", "各县区党委、政府", "临翔区人民政府、市发展改革委", "市不存在办公室"};
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new String[] {String.valueOf(i + 1), null, "表格任务" + i, null, null, leads[i % leads.length],
                    "市财政局、市国土资源局", null, "2027年底前", null};
        }
        byte[] sheet = IntakeSupport.breakdown("表格名称解析测试清单", IntakeSupport.HEADER, rows);
        long[] id = new long[1];
        List<String> statements = counted(() -> id[0] = IntakeSupport.upload(mvc, "名称解析.xlsx", sheet, ""));

        assertThat(statements.stream().filter(s -> s.contains("\"unit_alias\""))).as(String.join("\n", statements))
                .hasSize(1);
        JsonNode tasks = JSON.readTree(IntakeSupport.draft(mvc, id[0])).get("tasks");
        assertThat(tasks).hasSize(40);
        DraftPlan parsed = intake.parse("""
                表格名称解析对照方案

                一、名称
                （一）对照。2027年底前完成。（责任单位：临翔区人民政府、市发展改革委；配合单位：市财政局、市国土资源局）
                """);
        // the sheet's units resolve as the parser resolves the same names
        assertThat(units(tasks.get(3).get("leadUnits"))).isEqualTo(parsed.tasks().get(0).leadUnits().stream()
                .map(m -> m.name() + "→" + m.unitId()).toList());
        assertThat(units(tasks.get(3).get("supportingUnits"))).isEqualTo(parsed.tasks().get(0).supportingUnits().stream()
                .map(m -> m.name() + "→" + m.unitId()).toList());
        assertThat(units(tasks.get(4).get("leadUnits"))).containsExactly("市不存在办公室→null");
    }

    private static List<String> units(JsonNode mentions) {
        List<String> out = new java.util.ArrayList<>();
        mentions.forEach(m -> out.add(m.get("name").asString() + "→" + (m.get("unitId").isNull() ? "null" : m.get("unitId").asLong())));
        return out;
    }

    @Test
    void names_resolved_together_designate_what_each_designates_alone() {
        List<String> names = List.of("市环境保护局", "市环保局", "各县区党委", " 市财政局 ", "市不存在办公室", "", "临翔区政府");
        Map<String, UnitReference> together = units.resolveAll(names);
        Map<String, UnitReference> alone = new HashMap<>();
        names.forEach(n -> units.resolve(n).ifPresent(r -> alone.put(n, r)));

        assertThat(together).isEqualTo(alone).containsKeys("市环境保护局", "市环保局", "各县区党委", " 市财政局 ");
        assertThat(together.get("各县区党委")).isInstanceOf(UnitReference.OfGroup.class);
    }

    /** The SQL the app's jOOQ executed on this thread while {@code step} ran. */
    private List<String> counted(Callable<?> step) throws Exception {
        return ExecutedStatements.of(db, step);
    }
}
