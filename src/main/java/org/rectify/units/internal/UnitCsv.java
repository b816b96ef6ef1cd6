package org.rectify.units.internal;

import org.rectify.units.Unit;
import org.rectify.units.UnitGroup;
import org.rectify.units.Units;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The unit tree and the groups as CSV in the import's own columns (UTF-8 with a BOM, so that Excel opens
 * it in the right encoding): what is downloaded can be edited and loaded back, and loading it unchanged
 * changes nothing.
 */
final class UnitCsv {

    static final String TREE_HEADER = "名称,上级单位,层级,类型,别名,启用日期";
    static final String GROUP_HEADER = "单位组,成员单位,说明";

    private UnitCsv() {
    }

    /** The current units (retired ones are history, not something to load again). */
    static byte[] tree(Units units) {
        List<Unit> tree = units.tree().stream().filter(Unit::isCurrent).toList();
        Map<Long, String> names = tree.stream().collect(Collectors.toMap(Unit::id, Unit::name));
        Map<Long, List<String>> aliases = units.aliasesByUnit();
        StringBuilder out = new StringBuilder("\uFEFF").append(TREE_HEADER).append("\r\n");
        for (Unit u : tree) {
            line(out, u.name(), u.parentId() == null ? "" : names.getOrDefault(u.parentId(), ""), u.level().name(),
                    u.type().name(), String.join("|", aliases.getOrDefault(u.id(), List.of())),
                    u.validFrom() == null ? "" : u.validFrom().toString());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] groups(Units units) {
        Map<Long, Unit> byId = units.tree().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        StringBuilder out = new StringBuilder("\uFEFF").append(GROUP_HEADER).append("\r\n");
        for (UnitGroup g : units.groups()) {
            line(out, g.name(), g.memberIds().stream().map(byId::get).filter(u -> u != null && u.isCurrent())
                    .map(Unit::name).collect(Collectors.joining("|")), g.description() == null ? "" : g.description());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] treeTemplate() {
        return ("\uFEFF" + TREE_HEADER + "\r\n"
                + "某某市,,市级,地区,,\r\n"
                + "中共某某市委,某某市,市级,党委,市委,\r\n"
                + "某某市人民政府,某某市,市级,政府,市政府,\r\n"
                + "市生态环境局,某某市人民政府,市级,部门,市环保局|市环境保护局,2019-03-01\r\n"
                + "某某县,某某市,县级,地区,,\r\n"
                + "某某县人民政府,某某县,县级,政府,某某县政府,\r\n"
                + "某某镇,某某县,乡级,地区,,\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] groupTemplate() {
        return ("\uFEFF" + GROUP_HEADER + "\r\n"
                + "各县区政府,某某县人民政府|某某区人民政府,全市各县（区）人民政府\r\n"
                + "市直有关部门,市生态环境局|市财政局,\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells[i];
            // quote what needs it; a leading = + - @ would be taken for a formula by Excel (CSV injection)
            boolean formula = !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0;
            if (formula) {
                c = "'" + c;
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}
