package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.rectify.Demo;
import org.junit.jupiter.api.Test;

/** The reference plan (临沧市 2018): every one of its 22 tasks, as the office would read it. */
class LincangPlanTests {

    static final String COUNTY_PARTY_COMMITTEES = "[group] 各县区党委";
    static final String COUNTY_GOVERNMENTS = "[group] 各县区政府";

    static String text;
    static DraftPlan plan;

    @BeforeAll
    static void parse() {
        text = seed();
        plan = new PlanParser().parse(text, UnitResolver.NONE);
    }

    static String seed() {
        return Demo.seedText();
    }

    @Test
    void the_plan_title_is_the_heading_line_not_the_web_page_noise() {
        assertThat(plan.title()).isEqualTo("临沧市贯彻落实省委省政府第二环境保护督察组督察反馈意见整改方案");
    }

    @Test
    void exactly_the_22_annotated_items_are_tasks_in_outline_order() {
        assertThat(plan.tasks()).extracting(DraftTask::ref).containsExactly(
            "二(一)", "二(二)", "二(三)1", "二(三)2",
            "三(一)", "三(二)", "三(三)", "三(四)",
            "四(一)", "四(二)1", "四(二)2", "四(二)3", "四(三)", "四(四)",
            "五(一)", "五(二)1", "五(二)2", "五(三)1", "五(三)2", "五(四)",
            "六", "七");
    }

    @Test
    void each_task_source_runs_from_its_marker_to_its_annotation() {
        for (DraftTask t : plan.tasks()) {
            String source = text.substring(t.sourceStart(), t.sourceEnd());
            assertThat(source).as(t.ref()).endsWith(")").contains("(责任单位:");
            assertThat(source).as(t.ref()).startsWith(marker(t.ref()));
            assertThat(t.text()).as(t.ref()).doesNotContain("(责任单位:").isNotBlank();
        }
        assertThat(text.substring(plan.task("六").orElseThrow().sourceStart())).startsWith("六、健全自然保护区管理体制");
    }

    private static String marker(String ref) {
        if (ref.matches(".*\\d$")) {
            return ref.substring(ref.length() - 1) + ".";
        }
        if (ref.endsWith(")")) {
            return ref.substring(ref.indexOf('('));
        }
        return ref + "、";
    }

    @Test
    void without_a_unit_tree_every_mention_is_listed_for_review_and_none_is_dropped() {
        int mentions = plan.tasks().stream()
            .mapToInt(t -> t.leadUnits().size() + t.supportingUnits().size()).sum();
        assertThat(plan.unresolved()).hasSize(mentions).hasSize(113);
        assertThat(plan.unresolved()).contains(new UnresolvedMention("五(三)1", "沧源自治县政府"));
    }

    @Test
    void the_two_years_written_with_前_are_flagged_as_ambiguous_and_nothing_else_is() {
        assertThat(plan.warnings()).extracting(ParseWarning::ref).containsExactly("四(二)1", "六");
        assertThat(plan.warnings().get(0).message()).contains("2020年前", "2019-12-31");
    }

    // --- the tasks, one by one ---

    @Test
    void task_二_一_has_yearly_and_monthly_meetings_from_2017() {
        DraftTask t = task("二(一)", "强化决策部署",
            List.of("市委办公室", "市政府办公室", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS), List.of());
        assertThat(t.text()).startsWith("强化决策部署。认真落实中央和省的决策部署").endsWith("不少于1次。");
        assertThat(t.deadlines()).isEmpty(); // 2017年起 is a start, not a deadline
        assertThat(t.indicators()).isEmpty();
        assertThat(t.obligations()).containsExactly(
            new Obligation("市委常委会议和市政府常务会议研究部署环境保护工作", 4, "year", date("2017-01-01"),
                "市委常委会议和市政府常务会议每年研究部署环境保护工作不少于4次"),
            new Obligation("县、乡级党委和政府研究部署环境保护工作", 1, "month", date("2017-01-01"),
                "县、乡级党委和政府每月研究部署环境保护工作不少于1次"));
        assertThat(t.ongoing()).isFalse();
    }

    @Test
    void task_二_二_accountability() {
        DraftTask t = task("二(二)", "强化责任追究",
            List.of("市监察局", "市委组织部", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS),
            List.of("市审计局", "市环境保护局"));
        assertNothingDated(t);
    }

    @Test
    void task_二_三_1_is_a_sub_item_of_a_context_item_and_has_no_heading() {
        DraftTask t = task("二(三)1", null,
            List.of("市委督查室", "市政府督查室", "市环境保护督察工作领导小组办公室"), List.of());
        assertThat(t.text()).startsWith("市委督查室、市政府督查室,市环境保护督察工作领导小组办公室要严格督促");
        assertNothingDated(t);
    }

    @Test
    void task_二_三_2_is_ongoing() {
        DraftTask t = task("二(三)2", null,
            List.of(COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS, "[group] 市级各相关部门"), List.of());
        assertThat(t.deadlines()).isEmpty();
        assertThat(t.indicators()).isEmpty();
        assertThat(t.obligations()).isEmpty();
        assertThat(t.ongoing()).as("需要长期坚持、持续推进的问题").isTrue();
    }

    @Test
    void task_三_一_funding() {
        DraftTask t = task("三(一)", "加强资金投入筹集和整合",
            List.of("市财政局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS),
            List.of("市国土资源局", "市环境保护局", "市住房城乡建设局", "市农业局", "市林业局", "市水务局"));
        assertNothingDated(t);
    }

    @Test
    void task_三_二_social_capital() {
        DraftTask t = task("三(二)", "引导社会资金投入环境保护",
            List.of("市发展改革委", "市财政局", "市政府金融办"),
            List.of("市林业局", "市环境保护局", "市水务局", "市住房城乡建设局"));
        assertNothingDated(t);
    }

    @Test
    void task_三_三_monitoring_network() {
        DraftTask t = task("三(三)", "强化生态环境监测网络建设和监管",
            List.of("市环境保护局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS),
            List.of("市委编办", "市财政局"));
        assertNothingDated(t);
    }

    @Test
    void task_三_四_supervision_reform() {
        DraftTask t = task("三(四)", "深化环保监管体制改革",
            List.of("市委编办", "市环境保护局"),
            List.of("市委组织部", "市财政局", "市人力资源社会保障局", "市政府法制办"));
        assertNothingDated(t);
    }

    @Test
    void task_四_一_greening_has_three_milestones_and_three_targets_for_2020() {
        DraftTask t = task("四(一)", "开展全民绿化、全面绿化",
            List.of("市住房城乡建设局", "市林业局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS), List.of());
        assertThat(t.deadlines()).containsExactly(
            new Deadline(date("2017-12-31"), "2017年",
                "临沧市创建国家森林城市通过国家级验收,云县、凤庆县、永德县、耿马自治县申报云南省园林县城", false),
            new Deadline(date("2018-12-31"), "2018年",
                "临沧主城区申报国家园林城市,耿马自治县孟定镇、凤庆县小湾镇及省级特色小城镇创建云南省园林城镇", false),
            new Deadline(date("2020-12-31"), "到2020年",
                "全市城市建成区绿地率达到36%以上、绿化覆盖率达到41%以上,人均公园绿地面积达到12平方米以上", false));
        assertThat(t.indicators()).containsExactly(
            new Indicator("绿地率", ">=", new BigDecimal("36"), "%", date("2020-12-31"), "全市城市建成区绿地率达到36%以上"),
            new Indicator("绿化覆盖率", ">=", new BigDecimal("41"), "%", date("2020-12-31"), "绿化覆盖率达到41%以上"),
            new Indicator("人均公园绿地面积", ">=", new BigDecimal("12"), "平方米", date("2020-12-31"),
                "人均公园绿地面积达到12平方米以上"));
        assertThat(t.obligations()).isEmpty();
        assertThat(t.ongoing()).isFalse();
    }

    @Test
    void task_四_二_1_planning_takes_the_earlier_reading_of_2020年前() {
        DraftTask t = task("四(二)1", "持续提高城乡规划质量和水平",
            List.of("市城乡规划局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS), List.of("市国土资源局"));
        assertThat(t.deadlines()).containsExactly(
            new Deadline(date("2017-12-31"), "2017年底前",
                "完成临沧市市域城镇体系规划、中心城区海绵城市专项规划、地下综合管廊专项规划", false),
            new Deadline(date("2018-12-31"), "2018年底前", "完成临沧市中心城区“城市修补 生态修复”专项规划", false),
            new Deadline(date("2019-12-31"), "2020年前", "其余县城完成“城市修补 生态修复”专项规划", true));
        assertThat(t.indicators()).isEmpty();
        assertThat(t.obligations()).isEmpty();
    }

    @Test
    void task_四_二_2_living_environment_has_targets_for_2017_and_2020() {
        DraftTask t = task("四(二)2", "实施城乡人居环境提升行动",
            List.of("市住房城乡建设局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS),
            List.of("[group] 市提升城乡人居环境行动领导小组成员单位"));
        assertThat(t.deadlines()).containsExactly(
            new Deadline(date("2017-12-31"), "2017年", "实现100%建制村道路硬化", false),
            new Deadline(date("2020-12-31"), "2020年底前", "95%以上村庄垃圾得到有效治理,全面完成非正规垃圾堆放点整治", false));
        assertThat(t.indicators()).containsExactly(
            new Indicator("建制村道路硬化", "=", new BigDecimal("100"), "%", date("2017-12-31"), "实现100%建制村道路硬化"),
            new Indicator("村庄垃圾得到有效治理", ">=", new BigDecimal("95"), "%", date("2020-12-31"),
                "95%以上村庄垃圾得到有效治理"));
        assertThat(t.obligations()).isEmpty();
    }

    @Test
    void task_四_二_3_farm_pollution_has_four_milestones_up_to_2030() {
        DraftTask t = task("四(二)3", "全面加强农业面源污染防治",
            List.of("市农业局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS),
            List.of("市农垦局", "[group] 市委农村工作领导小组成员单位"));
        assertThat(t.deadlines()).containsExactly(
            new Deadline(date("2017-12-31"), "2017年底前", "完成畜禽规模养殖禁养区限养区划定工作", false),
            new Deadline(date("2018-12-31"), "2018年底前", "依法关闭或搬迁禁养区内的畜禽养殖场(小区)和养殖专业户", false),
            new Deadline(date("2020-12-31"), "到2020年", "规模养殖场畜禽粪便综合利用率达到75%以上,农作物秸秆综合利用率达85%以上", false),
            new Deadline(date("2030-12-31"), "到2030年", "农业主产区农膜和农药包装废弃物实现基本回收利用", false));
        assertThat(t.indicators()).containsExactly(
            new Indicator("畜禽粪便综合利用率", ">=", new BigDecimal("75"), "%", date("2020-12-31"),
                "规模养殖场畜禽粪便综合利用率达到75%以上"),
            new Indicator("农作物秸秆综合利用率", ">=", new BigDecimal("85"), "%", date("2020-12-31"),
                "农作物秸秆综合利用率达85%以上"));
        assertThat(t.obligations()).isEmpty();
    }

    @Test
    void task_四_三_ecological_creation() {
        DraftTask t = task("四(三)", "加快推进生态创建工作",
            List.of("市环境保护局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS), List.of("市财政局"));
        assertNothingDated(t);
    }

    @Test
    void task_四_四_pilot_zone_has_the_counties_as_supporting_units() {
        DraftTask t = task("四(四)", "加快生态文明先行示范区建设",
            List.of("市发展改革委"),
            List.of(COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS, "[group] 市生态文明建设指导委员会成员单位"));
        assertNothingDated(t);
    }

    @Test
    void task_五_一_reform_office() {
        DraftTask t = task("五(一)", "深化生态文明体制改革",
            List.of("市委生态文明及美丽乡村建设相关体制改革专项小组办公室"),
            List.of("[group] 市生态文明建设指导委员会成员单位"));
        assertNothingDated(t);
    }

    @Test
    void task_五_二_1_carries_the_city_prefix_over_nine_departments() {
        DraftTask t = task("五(二)1", "部门联动",
            List.of("市发展改革委", "市工业和信息化委", "市国土资源局", "市环境保护局", "市城乡规划局",
                "市住房城乡建设局", "市农业局", "市林业局", "市水务局"), List.of());
        assertNothingDated(t);
    }

    @Test
    void task_五_二_2_environmental_assessment() {
        DraftTask t = task("五(二)2", "环评联动",
            List.of("市环境保护局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS, "[group] 市直有关部门"), List.of());
        assertNothingDated(t);
    }

    @Test
    void task_五_三_1_distributes_party_committee_and_government_over_five_counties() {
        DraftTask t = task("五(三)1", "开展省委省政府环保督察组交办问题“回头看”",
            List.of("市环境保护督察工作领导小组办公室",
                "临翔区党委", "临翔区政府", "云县党委", "云县政府", "永德县党委", "永德县政府",
                "沧源自治县党委", "沧源自治县政府", "双江自治县党委", "双江自治县政府"), List.of());
        assertNothingDated(t); // 13件 is a count of cases, not a target
    }

    @Test
    void task_五_三_2_enforcement() {
        DraftTask t = task("五(三)2", "加大全市环境监管执法力度",
            List.of("市环境保护局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS), List.of());
        assertNothingDated(t);
    }

    @Test
    void task_五_四_courts_prosecutors_and_police() {
        DraftTask t = task("五(四)", "强化后果严惩制度",
            List.of("市中级人民法院", "市人民检察院", "市公安局", "市监察局", "市环境保护局"), List.of());
        assertNothingDated(t);
    }

    @Test
    void task_六_is_a_whole_section_with_an_ambiguous_2019年前() {
        DraftTask t = task("六", "健全自然保护区管理体制",
            List.of("市林业局", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS),
            List.of("市委组织部", "市委编办", "市人力资源社会保障局", "市财政局"));
        assertThat(t.text()).startsWith("健全自然保护区管理体制\n建立健全自然保护区管护机构");
        assertThat(t.deadlines()).containsExactly(
            new Deadline(date("2018-12-31"), "2019年前", "完成机构及编制落实工作,并切实加强人才干部队伍建设", true));
        assertThat(t.indicators()).isEmpty();
        assertThat(t.obligations()).isEmpty();
    }

    @Test
    void task_七_long_term_mechanism() {
        DraftTask t = task("七", "建立整改长效机制",
            List.of("市环境保护督察工作领导小组办公室", COUNTY_PARTY_COMMITTEES, COUNTY_GOVERNMENTS,
                "[group] 市级各责任单位"), List.of());
        assertNothingDated(t);
        assertThat(t.immediate()).as("立行立改 in running text is not 立即").isFalse();
    }

    // --- helpers ---

    private static DraftTask task(String ref, String title, List<String> lead, List<String> supporting) {
        DraftTask t = plan.task(ref).orElseThrow(() -> new AssertionError("no task " + ref));
        assertThat(t.title()).as(ref + " title").isEqualTo(title);
        assertThat(describe(t.leadUnits())).as(ref + " lead units").containsExactlyElementsOf(lead);
        assertThat(describe(t.supportingUnits())).as(ref + " supporting units").containsExactlyElementsOf(supporting);
        assertThat(t.leadUnits()).extracting(UnitMention::unitId).containsOnlyNulls();
        assertThat(t.leaders()).isEmpty();
        assertThat(t.immediate()).isFalse();
        return t;
    }

    private static void assertNothingDated(DraftTask t) {
        assertThat(t.deadlines()).as(t.ref() + " deadlines").isEmpty();
        assertThat(t.indicators()).as(t.ref() + " indicators").isEmpty();
        assertThat(t.obligations()).as(t.ref() + " obligations").isEmpty();
        assertThat(t.ongoing()).as(t.ref() + " ongoing").isFalse();
    }

    static List<String> describe(List<UnitMention> units) {
        return units.stream().map(u -> u.group() ? "[group] " + u.name() : u.name()).toList();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
