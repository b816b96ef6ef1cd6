package org.rectify.units.internal;

import org.rectify.units.UnitLevel;
import org.rectify.units.UnitNames;
import org.rectify.units.UnitType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/** Reading the cells of an import file: levels and types by code or Chinese label, dates, lists of names. */
public final class ImportValues {

    private static final Map<String, UnitLevel> LEVELS = Map.ofEntries(
            entry("省级", UnitLevel.PROVINCE), entry("省", UnitLevel.PROVINCE),
            entry("市级", UnitLevel.CITY), entry("市", UnitLevel.CITY), entry("州市级", UnitLevel.CITY),
            entry("县级", UnitLevel.COUNTY), entry("县", UnitLevel.COUNTY), entry("区", UnitLevel.COUNTY),
            entry("县区级", UnitLevel.COUNTY), entry("县（区）级", UnitLevel.COUNTY), entry("区县级", UnitLevel.COUNTY),
            entry("乡级", UnitLevel.TOWNSHIP), entry("乡", UnitLevel.TOWNSHIP), entry("镇", UnitLevel.TOWNSHIP),
            entry("乡镇", UnitLevel.TOWNSHIP), entry("乡镇级", UnitLevel.TOWNSHIP), entry("乡（镇）级", UnitLevel.TOWNSHIP),
            entry("村级", UnitLevel.VILLAGE), entry("村", UnitLevel.VILLAGE), entry("村（社区）", UnitLevel.VILLAGE));

    private static final Map<String, UnitType> TYPES = Map.ofEntries(
            entry("地区", UnitType.REGION), entry("行政区", UnitType.REGION),
            entry("党委", UnitType.PARTY_COMMITTEE),
            entry("政府", UnitType.GOVERNMENT), entry("人民政府", UnitType.GOVERNMENT),
            entry("部门", UnitType.DEPARTMENT),
            entry("法院", UnitType.COURT),
            entry("检察院", UnitType.PROCURATORATE),
            entry("办公室", UnitType.OFFICE),
            entry("领导小组", UnitType.GROUP), entry("议事协调机构", UnitType.GROUP));

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private ImportValues() {
    }

    public static Optional<UnitLevel> level(String written) {
        String s = UnitNames.canonical(written);
        return Optional.ofNullable(LEVELS.get(s)).or(() -> constant(UnitLevel.class, s));
    }

    public static Optional<UnitType> type(String written) {
        String s = UnitNames.canonical(written);
        return Optional.ofNullable(TYPES.get(s)).or(() -> constant(UnitType.class, s));
    }

    /** 2019-03-01, 2019/3/1, 2019.3.1, 2019年3月1日 or 20190301; empty when blank; throws when not a date. */
    public static Optional<LocalDate> date(String written) throws DateTimeException {
        String s = written == null ? "" : written.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(s);
        }
        if (!m.matches()) {
            throw new DateTimeException(s);
        }
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** Names separated by | or 、 (also full-width ｜ and ；), canonical, blanks and repeats dropped. */
    public static List<String> names(String written) {
        if (written == null || written.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(written.split("[|｜、；;]"))
                .map(UnitNames::canonical).filter(s -> !s.isEmpty()).toList()));
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String written) {
        String code = written.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code)).findFirst();
    }
}
