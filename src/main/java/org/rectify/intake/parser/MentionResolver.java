package org.rectify.intake.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a mention as the plan writes it against the unit tree, trying the name as written first and then the
 * equivalences offices treat as the same unit, each a rule the review screen names. The written name is kept;
 * the tree's name and the rule go beside it.
 */
public final class MentionResolver {

    /** Places where offices drop the 和 of an official name (住房和城乡建设, 发展和改革). */
    private static final String[][] AND_PAIRS = {
        {"住房城乡", "住房和城乡"}, {"发展改革", "发展和改革"}, {"人力资源社会保障", "人力资源和社会保障"},
        {"工业信息化", "工业和信息化"}, {"文化旅游", "文化和旅游"}, {"林业草原", "林业和草原"},
        {"自然资源规划", "自然资源和规划"}, {"科技", "科学技术"}, {"民族宗教", "民族宗教事务"},
        {"卫生计生", "卫生和计划生育"}, {"新闻出版广电", "新闻出版广播电视"}};

    /** Former names (2018 reorganisation) → present names, by the ending of a unit's name. */
    private static final String[][] FORMER = {
        {"环境保护局", "生态环境局"}, {"环保局", "生态环境局"}, {"国土资源局", "自然资源局"}, {"国土局", "自然资源局"},
        {"城乡规划局", "自然资源局"}, {"规划局", "自然资源局"}, {"林业局", "林业和草原局"}, {"农业局", "农业农村局"},
        {"安全生产监督管理局", "应急管理局"}, {"安监局", "应急管理局"}, {"食品药品监督管理局", "市场监督管理局"},
        {"工商行政管理局", "市场监督管理局"}, {"工商局", "市场监督管理局"}, {"质量技术监督局", "市场监督管理局"},
        {"卫生和计划生育委员会", "卫生健康委员会"}, {"卫生计生委", "卫生健康委"}, {"旅游发展委员会", "文化和旅游局"},
        {"文化广电新闻出版局", "文化和旅游局"}, {"文化体育广电旅游局", "文化和旅游局"}, {"水务局", "水利局"},
        {"公安消防支队", "消防救援支队"}, {"公安消防大队", "消防救援大队"}, {"农业综合开发办公室", "财政局"}};

    /** The rules after the name as written, in the order they are tried. */
    private static final ResolutionRule[] RULES = {ResolutionRule.CONJUNCTION, ResolutionRule.GOVERNMENT,
        ResolutionRule.COMMITTEE, ResolutionRule.FORMER_NAME};

    private MentionResolver() {
    }

    /** The mention resolved (written name kept), or empty when no rule finds it in the tree. */
    public static Optional<UnitMention> resolve(UnitMention written, UnitResolver tree) {
        if (written == null || written.name() == null || tree == null) {
            return Optional.empty();
        }
        String name = written.name();
        Optional<UnitMention> hit = lookUp(tree, name, written.group());
        if (hit.isPresent()) {
            return Optional.of(resolved(written, hit.get(), ResolutionRule.AS_WRITTEN));
        }
        for (ResolutionRule rule : RULES) {
            for (String variant : variants(name, rule)) {
                hit = lookUp(tree, variant, written.group());
                if (hit.isPresent()) {
                    return Optional.of(resolved(written, hit.get(), rule));
                }
            }
        }
        return Optional.empty();
    }

    /** Every name {@link #resolve} may look {@code name} up by: as written, then each rule's variants. */
    public static Set<String> candidates(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null) {
            return out;
        }
        out.add(name);
        for (ResolutionRule rule : RULES) {
            out.addAll(variants(name, rule));
        }
        return out;
    }

    /**
     * Tells the tree every name {@link #resolve} may look these written names up by, before they are resolved one by
     * one: a unit tree in a database reads them in one statement instead of one (or three) per name (issue 14).
     */
    public static void prefetch(Iterable<String> writtenNames, UnitResolver tree) {
        Set<String> names = new LinkedHashSet<>(); // a plan names the same units again and again
        writtenNames.forEach(n -> names.addAll(candidates(n)));
        if (!names.isEmpty()) {
            tree.prefetch(names);
        }
    }

    private static Optional<UnitMention> lookUp(UnitResolver tree, String name, boolean group) {
        Optional<UnitMention> r = tree.resolve(name, group);
        return r == null ? Optional.empty() : r;
    }

    private static UnitMention resolved(UnitMention written, UnitMention found, ResolutionRule rule) {
        String unitName = found.unitName() != null ? found.unitName()
            : found.name() == null || found.name().isBlank() ? written.name() : found.name();
        return new UnitMention(written.name(), found.group(), found.unitId(), unitName, rule);
    }

    /** The names {@code name} may stand for under one rule (a committee rule also tries 和 both ways). */
    static List<String> variants(String name, ResolutionRule rule) {
        Set<String> out = new LinkedHashSet<>();
        switch (rule) {
            case CONJUNCTION -> out.addAll(conjunctions(name));
            case GOVERNMENT -> {
                if (name.contains("人民政府")) {
                    out.add(name.replace("人民政府", "政府"));
                } else if (name.contains("政府")) {
                    out.add(name.replaceFirst("政府", "人民政府"));
                }
            }
            case COMMITTEE -> {
                List<String> committees = new ArrayList<>();
                if (name.endsWith("委员会")) {
                    committees.add(name.substring(0, name.length() - 2));
                } else if (name.endsWith("委") && !name.endsWith("党委") && !name.endsWith("纪委")
                    && !name.endsWith("市委") && !name.endsWith("县委") && !name.endsWith("区委")) {
                    committees.add(name + "员会");
                }
                for (String c : committees) {
                    out.add(c);
                    out.addAll(conjunctions(c));
                }
            }
            case FORMER_NAME -> {
                for (String[] f : FORMER) {
                    if (name.endsWith(f[0]) && name.length() > f[0].length()) {
                        String present = name.substring(0, name.length() - f[0].length()) + f[1];
                        out.add(present);
                        out.addAll(conjunctions(present));
                        out.addAll(variants(present, ResolutionRule.COMMITTEE)); // 卫生计生委 → 卫生健康委员会
                    }
                }
            }
            default -> {
            }
        }
        out.remove(name);
        return List.copyOf(out);
    }

    private static List<String> conjunctions(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String[] p : AND_PAIRS) {
            if (name.contains(p[1])) {
                out.add(name.replace(p[1], p[0]));
            } else if (name.contains(p[0])) {
                out.add(name.replace(p[0], p[1]));
                out.add(name.replace(p[0], p[1].replace('和', '与'))); // some trees write 自然资源与规划局
            }
        }
        if (name.indexOf('和') > 0 || name.indexOf('与') > 0) {
            out.add(name.replace("和", "").replace("与", "")); // 住房和城乡建设局 written without its 和
            out.add(name.replace('与', '和')); // 文化与旅游局 for 文化和旅游局, and the other way
            out.add(name.replace('和', '与'));
        }
        out.remove(name);
        return List.copyOf(out);
    }
}
