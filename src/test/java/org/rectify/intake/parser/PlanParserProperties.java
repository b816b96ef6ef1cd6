package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Properties of the parser over generated text (see {@link Property} for the harness). */
class PlanParserProperties {

    private static final PlanParser PARSER = new PlanParser();

    /** The pieces plans are made of, so random text hits the interesting paths often. */
    private static final List<String> TOKENS = List.of(
        "一、", "二、", "十一、", "（一）", "(二)", "（十）", "1.", "2．", "3、", "12.", "1.5",
        "（责任单位：", "(责任单位:", "责任单位：", "牵头单位:", "配合单位：", "协办单位:", "责任领导：", "整改时限:",
        "；", ";", "，", ",", "、", "）", ")", "（", "(", "\n", "\r\n", "\n\n", " ", "\u3000", "。",
        "市财政局", "财政局", "各县区", "各县(区)", "党委", "政府", "人民政府", "临翔区", "云县", "市委", "成员单位",
        "市级各相关部门", "2017年底前", "2020年前", "到2020年", "2018年9月底前", "2019年3月31日前", "2017年起",
        "2017年", "每年", "每月", "每季度", "每半年", "不少于", "4次", "一次", "至少", "达到", "36%", "以上", "以内",
        "控制在", "35微克/立方米", "长期坚持", "立即", "附件：", "首页 >> ", "建设", "工作", "x", "\t", "\u00a0");

    private static String markerSoup(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(80);
        for (int i = 0; i < n; i++) {
            b.append(Property.pick(r, TOKENS));
        }
        return b.toString();
    }

    private static String anything(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(200);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b.append((char) r.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
                case 1 -> b.append((char) (0x4E00 + r.nextInt(0x5200))); // CJK
                case 2 -> b.append((char) (0x20 + r.nextInt(0x5F)));
                default -> b.append(Property.pick(r, TOKENS));
            }
        }
        return b.toString();
    }

    private static String mixed(SplittableRandom r) {
        return r.nextBoolean() ? markerSoup(r) : anything(r);
    }

    @Test
    void arbitrary_text_never_throws_and_offsets_stay_inside_the_text() {
        Property.forAll(PlanParserProperties::mixed, text -> {
            DraftPlan plan = PARSER.parse(text, UnitResolver.NONE);
            for (DraftTask t : plan.tasks()) {
                assertThat(t.sourceStart()).isBetween(0, t.sourceEnd());
                assertThat(t.sourceEnd()).isLessThanOrEqualTo(text.length());
                assertThat(t.ref()).isNotNull();
                assertThat(t.text()).isNotNull();
            }
        });
    }

    @Test
    void no_annotation_the_parser_saw_is_lost() {
        Property.forAll(PlanParserProperties::mixed, text -> {
            DraftPlan plan = PARSER.parse(text, UnitResolver.NONE);
            for (ResponsibilityAnnotation a : ResponsibilityAnnotation.findAll(TextFold.fold(text))) {
                List<String> lead = names(a, ResponsibilityAnnotation.Role.LEAD);
                List<String> supporting = names(a, ResponsibilityAnnotation.Role.SUPPORTING);
                // the task whose source holds the annotation carries all of its units
                assertThat(plan.tasks()).as("annotation at %d", a.start()).anySatisfy(t -> {
                    assertThat(t.sourceStart()).isLessThanOrEqualTo(a.start());
                    assertThat(t.sourceEnd()).isGreaterThanOrEqualTo(a.end());
                    assertThat(t.leadUnits()).extracting(UnitMention::name).containsAll(lead);
                    assertThat(t.supportingUnits()).extracting(UnitMention::name).containsAll(supporting);
                });
            }
        });
    }

    private static List<String> names(ResponsibilityAnnotation a, ResponsibilityAnnotation.Role role) {
        List<String> out = new ArrayList<>();
        for (String s : a.texts(role)) {
            UnitNameNormalizer.normalize(s).forEach(u -> out.add(u.name()));
        }
        return out;
    }

    @Test
    void every_mention_is_either_resolved_or_listed_for_review() {
        // a unit tree that knows about half of all names
        UnitResolver half = (name, group) -> (name.hashCode() & 1) == 0
            ? Optional.of(new UnitMention(name, group, (long) name.hashCode()))
            : Optional.empty();
        Property.forAll(PlanParserProperties::markerSoup, text -> {
            DraftPlan plan = PARSER.parse(text, half);
            List<UnresolvedMention> expected = new ArrayList<>();
            for (DraftTask t : plan.tasks()) {
                for (UnitMention u : concat(t.leadUnits(), t.supportingUnits())) {
                    if (u.unitId() == null) {
                        expected.add(new UnresolvedMention(t.ref(), u.name()));
                    }
                }
            }
            assertThat(plan.unresolved()).containsExactlyElementsOf(expected);
        });
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // --- generated outlines: the parser must find exactly what the generator put in ---

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final List<String> STEMS = List.of("财政", "审计", "公安", "林业", "水务", "农业", "交通运输",
        "教育", "民政", "司法", "商务", "统计", "气象", "城乡规划", "国土资源");
    private static final List<String> FILLER = List.of("加强组织领导。", "严格督促检查,确保整改到位。",
        "建立健全长效机制。", "加大执法力度,严肃追究责任。", "强化宣传引导。");

    /** A generated plan in two punctuation styles, with what the parser must find in it. */
    record Outline(String ascii, String fullWidth, Map<String, Expected> tasks) {
    }

    record Expected(List<String> lead, List<String> supporting, List<LocalDate> deadlines) {
    }

    /** What the generator put into one outline node; level 1 section, 2 item, 3 sub-item. */
    record Generated(String ref, int level, List<LocalDate> deadlines, Expected task) {
    }

    static Outline outline(SplittableRandom r) {
        StringBuilder ascii = new StringBuilder("某市整改方案\n");
        StringBuilder full = new StringBuilder("某市整改方案\n");
        List<Generated> nodes = new ArrayList<>();
        int sections = 1 + r.nextInt(5);
        for (int s = 0; s < sections; s++) {
            String sec = NUMERALS[s];
            int items = r.nextInt(4);
            append(ascii, full, sec + "、第" + sec + "部分\n", sec + "、第" + sec + "部分\n");
            nodes.add(node(r, sec, 1, ascii, full, items == 0 ? 0.7 : 0.2));
            for (int i = 0; i < items; i++) {
                String item = NUMERALS[i];
                append(ascii, full, "(" + item + ")", "（" + item + "）");
                nodes.add(node(r, sec + "(" + item + ")", 2, ascii, full, 0.5));
                int subs = r.nextInt(4);
                for (int k = 1; k <= subs; k++) {
                    append(ascii, full, k + ".", k + (r.nextBoolean() ? "．" : "、"));
                    nodes.add(node(r, sec + "(" + item + ")" + k, 3, ascii, full, 0.6));
                }
            }
        }
        // a task with no task below it owns the text, and so the dates, of the context nodes below it
        Map<String, Expected> tasks = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Generated n = nodes.get(i);
            if (n.task() == null) {
                continue;
            }
            List<LocalDate> dates = new ArrayList<>(n.deadlines());
            List<LocalDate> below = new ArrayList<>();
            boolean taskBelow = false;
            for (int j = i + 1; j < nodes.size() && nodes.get(j).level() > n.level(); j++) {
                taskBelow |= nodes.get(j).task() != null;
                below.addAll(nodes.get(j).deadlines());
            }
            if (!taskBelow) {
                dates.addAll(below);
            }
            // every generated deliverable reads the same, and the parser keeps one milestone per distinct deliverable
            tasks.put(n.ref(), new Expected(n.task().lead(), n.task().supporting(), dates.stream().distinct().toList()));
        }
        return new Outline(ascii.toString(), full.toString(), tasks);
    }

    private static Generated node(SplittableRandom r, String ref, int level, StringBuilder ascii, StringBuilder full,
                                  double annotated) {
        String body = "任务" + ref.replaceAll("[()]", "") + "。" + Property.pick(r, FILLER);
        append(ascii, full, body, body);
        List<LocalDate> deadlines = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            int year = 2017 + r.nextInt(4);
            append(ascii, full, year + "年底前完成排查整治。", toFullWidthDigits(year + "年底前完成排查整治。"));
            deadlines.add(LocalDate.of(year, 12, 31));
        }
        if (r.nextInt(4) == 0) {
            append(ascii, full, "\n" + Property.pick(r, FILLER), "\n" + Property.pick(r, FILLER));
        }
        Expected task = null;
        if (r.nextDouble() < annotated) {
            List<String> lead = new ArrayList<>();
            List<String> supporting = new ArrayList<>();
            String leadText = units(r, lead);
            if (r.nextBoolean()) {
                String supportingText = units(r, supporting);
                append(ascii, full, "(责任单位:" + leadText + ";配合单位:" + supportingText + ")",
                    "（责任单位：" + leadText.replace(',', '，') + "；配合单位：" + supportingText.replace(',', '，') + "）");
            } else {
                append(ascii, full, "(责任单位:" + leadText + ")", "（责任单位：" + leadText.replace(',', '，') + "）");
            }
            task = new Expected(lead, supporting, deadlines);
        }
        append(ascii, full, "\n", "\n");
        return new Generated(ref, level, deadlines, task);
    }

    /** A unit list: 市 prefixes sometimes left to carry over a 、 run; sometimes the county organs. */
    private static String units(SplittableRandom r, List<String> expected) {
        StringBuilder b = new StringBuilder();
        Set<String> used = new HashSet<>();
        int runs = 1 + r.nextInt(3);
        for (int i = 0; i < runs; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (r.nextInt(5) == 0 && used.add("各县区")) {
                b.append("各县区党委、政府");
                expected.add("各县区党委");
                expected.add("各县区政府");
                continue;
            }
            int n = 1 + r.nextInt(3);
            boolean first = true;
            for (int k = 0; k < n; k++) {
                String stem = Property.pick(r, STEMS);
                if (!used.add(stem)) {
                    continue;
                }
                if (!first) {
                    b.append('、');
                }
                b.append(first || r.nextBoolean() ? "市" : "").append(stem).append("局");
                expected.add("市" + stem + "局");
                first = false;
            }
            if (first) { // every stem was taken: keep the list well-formed
                b.append("市委办公室");
                if (!expected.contains("市委办公室")) {
                    expected.add("市委办公室");
                }
                used.add("委办");
            }
        }
        return b.toString();
    }

    private static void append(StringBuilder ascii, StringBuilder full, String a, String f) {
        ascii.append(a);
        full.append(f);
    }

    private static String toFullWidthDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    @Test
    void generated_outlines_give_each_annotation_to_its_own_item_in_either_punctuation() {
        SplittableRandom seeds = new SplittableRandom(Property.SEED);
        for (int i = 0; i < Property.TRIES; i++) {
            long seed = seeds.nextLong();
            Outline o = outline(new SplittableRandom(seed));
            for (String text : List.of(o.ascii(), o.fullWidth())) {
                DraftPlan plan = PARSER.parse(text, UnitResolver.NONE);
                String why = "seed " + seed + ":\n" + text;
                assertThat(plan.tasks()).as(why).extracting(DraftTask::ref)
                    .containsExactlyElementsOf(o.tasks().keySet());
                for (DraftTask t : plan.tasks()) {
                    Expected e = o.tasks().get(t.ref());
                    assertThat(t.leadUnits()).as(why).extracting(UnitMention::name).containsExactlyElementsOf(e.lead());
                    assertThat(t.supportingUnits()).as(why).extracting(UnitMention::name)
                        .containsExactlyElementsOf(e.supporting());
                    assertThat(t.deadlines()).as(why).extracting(Deadline::date).containsExactlyElementsOf(e.deadlines());
                    assertThat(text.substring(t.sourceStart(), t.sourceEnd())).as(why).contains("责任单位");
                }
                assertThat(plan.title()).isEqualTo("某市整改方案");
            }
        }
    }
}
