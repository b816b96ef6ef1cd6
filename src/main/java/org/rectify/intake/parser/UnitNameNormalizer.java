package org.rectify.intake.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the unit list of one annotation segment into unit names, by the rules offices write by:
 * <ul>
 * <li>a level prefix carries over an {@code 、} list: 市发展改革委、财政局 → 市发展改革委, 市财政局;</li>
 * <li>trailing organ names distribute over a list of places: 临翔区、云县党委、政府 → 临翔区党委, 临翔区政府,
 * 云县党委, 云县政府; 东湖区、西山县人民政府 → 东湖区人民政府, 西山县人民政府;</li>
 * <li>group phrases (各县区…, 市级各相关部门, 市直有关部门, …成员单位) stay as they are, flagged as groups.</li>
 * </ul>
 * Commas and semicolons separate independent names; a prefix does not carry across them.
 * Names come out folded (ASCII parentheses), which is what resolvers compare on.
 */
public final class UnitNameNormalizer {

    /** Organs that a list of places shares: 临翔区、云县党委、政府. Longest first, so 人民政府 wins over 政府. */
    /** 党委和政府 is the same list as 党委、政府. */
    private static final Pattern ORGAN_AND = Pattern.compile(
        "(党委|人民政府|政府|人大|政协)和(?=党委|人民政府|政府|人大|政协)");

    private static final List<String> ORGANS = List.of(
        "人大常委会", "人民检察院", "人民法院", "人民政府", "纪委监委", "党工委", "管委会",
        "党委", "政府", "人大", "政协", "纪委", "监委", "法院", "检察院", "委");

    private static final Pattern BARE_PLACE = Pattern.compile(
        "[省市州县区乡镇]"
            + "|各[^、,]{0,6}?(?:县|区|市|州|乡|镇|街道|\\([^()]{1,6}\\))"
            + "|[\\p{IsHan}]{1,12}?(?:自治县|自治州|自治区|新区|开发区|园区|街道|县|区|市|州|旗|乡|镇)");

    /** A place at the start of a name: 市…, 临翔区…, 耿马傣族佤族自治县…. */
    private static final Pattern PLACE_PREFIX = Pattern.compile(
        "^[\\p{IsHan}]{0,10}?(?:自治县|自治州|自治区|省|市|州|县|区|旗)");

    private static final Pattern GROUP = Pattern.compile(
        "^各|^全(?:市|县|区|州|省)各|各(?:有关|相关|责任|成员|职能)?(?:部门|单位)"
            + "|(?:有关|相关)(?:部门|单位)$|成员单位$|^(?:市|县|区|州|省)直");

    /** Offices that belong to the party committee (市委组织部、宣传部 → 市委宣传部). */
    private static final Pattern PARTY_OFFICE = Pattern.compile("(?:部|室|编办|政法委|农办|网信办|党校)$");
    /** Offices that belong to the government (市政府督查室、法制办 → 市政府法制办). */
    private static final Pattern GOVERNMENT_OFFICE = Pattern.compile("(?:办|室)$");

    private static final String DEPARTMENT_ENDINGS = "局委办厅室部会院队心站所处社联协署馆校台组司团行";

    private UnitNameNormalizer() {
    }

    /** @param list the text after a label, e.g. {@code 市委办公室、市政府办公室,各县区党委、政府} */
    public static List<UnitMention> normalize(String list) {
        String s = ORGAN_AND.matcher(TextFold.fold(list == null ? "" : list)).replaceAll("$1、");
        Set<String> names = new LinkedHashSet<>();
        for (String group : splitTopLevel(s, ",;:。 \n\r")) {
            List<String> parts = new ArrayList<>();
            for (String p : splitTopLevel(group, "、")) {
                String c = clean(p);
                if (!c.isEmpty()) {
                    parts.add(c);
                }
            }
            names.addAll(expand(parts));
        }
        List<UnitMention> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(new UnitMention(n, isGroup(n), null));
        }
        return out;
    }

    public static boolean isGroup(String name) {
        return GROUP.matcher(name).find();
    }

    static List<String> expand(List<String> parts) {
        int n = parts.size();
        int runStart = n;
        while (runStart > 0 && ORGANS.contains(parts.get(runStart - 1))) {
            runStart--;
        }
        // 临翔区、云县党委、政府: the organ run starts after the last place, which carries the first organ
        int pivot = runStart < n ? runStart - 1 : n - 1;
        boolean distributes = pivot >= 0 && (runStart < n || pivot >= 1 && isBarePlace(parts.get(pivot - 1)));
        String[] placeOrgan = distributes ? splitPlaceOrgan(parts.get(pivot)) : null;
        if (placeOrgan == null) {
            return carryPrefix(parts);
        }
        List<String> organs = new ArrayList<>();
        organs.add(placeOrgan[1]);
        organs.addAll(parts.subList(runStart, n));
        int i = pivot - 1;
        while (i >= 0 && isBarePlace(parts.get(i))) {
            i--;
        }
        List<String> places = new ArrayList<>(parts.subList(i + 1, pivot));
        places.add(placeOrgan[0]);
        List<String> out = new ArrayList<>(carryPrefix(parts.subList(0, i + 1)));
        for (String place : places) {
            for (String organ : organs) {
                out.add(place + organ);
            }
        }
        return out;
    }

    private static String[] splitPlaceOrgan(String part) {
        for (String organ : ORGANS) {
            if (part.length() > organ.length() && part.endsWith(organ)) {
                String place = part.substring(0, part.length() - organ.length());
                if (isBarePlace(place)) {
                    return new String[] {place, organ};
                }
            }
        }
        return null;
    }

    static boolean isBarePlace(String s) {
        return BARE_PLACE.matcher(s).matches() && !s.endsWith("城乡") && !s.endsWith("城市");
    }

    /** 市财政局、人力资源社会保障局 → 市财政局, 市人力资源社会保障局. */
    static List<String> carryPrefix(List<String> parts) {
        List<String> out = new ArrayList<>(parts.size());
        String base = null;
        String party = null;
        String government = null;
        for (String p : parts) {
            if (hasOwnPrefix(p)) {
                out.add(p);
                base = placePrefix(p);
                party = null;
                government = null;
                if (base != null) {
                    if (p.startsWith(base + "委")) {
                        party = base + "委";
                    } else if (p.startsWith(base + "人民政府")) {
                        government = base + "人民政府";
                    } else if (p.startsWith(base + "政府")) {
                        government = base + "政府";
                    }
                }
            } else if (base != null && looksLikeDepartment(p)) {
                if (party != null && PARTY_OFFICE.matcher(p).find()) {
                    out.add(party + p);
                } else if (government != null && GOVERNMENT_OFFICE.matcher(p).find()) {
                    out.add(government + p);
                } else {
                    out.add(base + p);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean hasOwnPrefix(String p) {
        if (p.startsWith("市场") || p.startsWith("区域") || p.startsWith("县域")) {
            return false;
        }
        if ("省市州县区乡镇各".indexOf(p.charAt(0)) >= 0
            || p.startsWith("全") || p.startsWith("中共") || p.startsWith("中国") || p.startsWith("国家")) {
            return true;
        }
        String place = placePrefix(p);
        return place != null && place.length() >= 2 && !place.endsWith("城市");
    }

    private static String placePrefix(String p) {
        var m = PLACE_PREFIX.matcher(p);
        return m.find() ? m.group() : null;
    }

    private static boolean looksLikeDepartment(String p) {
        return DEPARTMENT_ENDINGS.indexOf(p.charAt(p.length() - 1)) >= 0;
    }

    /** Strips what is not part of a name: surrounding punctuation, 等, unbalanced parentheses. */
    static String clean(String p) {
        String s = p.strip();
        s = stripEnds(s);
        if (s.endsWith("等") && s.length() > 1) {
            s = stripEnds(s.substring(0, s.length() - 1));
        }
        if (s.startsWith("由") && s.length() > 1) {
            s = s.substring(1);
        }
        if (count(s, '(') != count(s, ')')) {
            s = stripEnds(s.replace("(", "").replace(")", ""));
        }
        while (s.startsWith("(") && s.endsWith(")") && s.length() >= 2 && balancedInside(s)) {
            s = stripEnds(s.substring(1, s.length() - 1));
        }
        return s;
    }

    private static boolean balancedInside(String s) {
        int depth = 0;
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String stripEnds(String s) {
        int a = 0;
        int b = s.length();
        String junk = " .。,、:;!?·-—'\"“”‘’《》〔〕[]{}<>\r\n";
        while (a < b && (junk.indexOf(s.charAt(a)) >= 0 || Character.isWhitespace(s.charAt(a)))) {
            a++;
        }
        while (b > a && (junk.indexOf(s.charAt(b - 1)) >= 0 || Character.isWhitespace(s.charAt(b - 1)))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Splits on any of the separators, but not inside parentheses (各县(市、区)). */
    static List<String> splitTopLevel(String s, String separators) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }
}
