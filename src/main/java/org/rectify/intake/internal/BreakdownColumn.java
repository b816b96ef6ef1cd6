package org.rectify.intake.internal;

import org.rectify.intake.parser.TextFold;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a task breakdown (任务分解表), in the order offices write them. A header is recognised by
 * its name or a common variant (牵头单位 for 责任单位, 完成时限 for 整改时限), ignoring spaces, line breaks and
 * a hint in parentheses.
 */
public enum BreakdownColumn {
    REF("序号", 8, "编号"),
    FINDING("反馈问题", 30, "反馈意见", "存在问题", "问题"),
    TASK("整改任务", 50, "任务", "任务内容"),
    TARGET("整改目标", 30, "目标"),
    MEASURES("整改措施", 40, "措施"),
    LEAD("责任单位", 22, "牵头单位", "主要责任单位", "责任部门", "牵头部门"),
    SUPPORTING("配合单位", 22, "协办单位", "配合部门"),
    RESPONSIBLE("责任人", 12, "责任领导"),
    DEADLINE("整改时限", 24, "完成时限", "整改期限", "完成时间", "时限"),
    STATUS("完成情况", 14);

    public String getHeader() {
        return header;
    }

    /** Columns offices add that carry nothing the draft takes: accepted and left alone. */
    static final List<String> IGNORED = List.of("整改进展", "备注");

    public final String header;
    /** Width in characters when exported. */
    final int width;
    private final List<String> variants;

    BreakdownColumn(String header, int width, String... variants) {
        this.header = header;
        this.width = width;
        this.variants = List.of(variants);
    }

    /** The column a header cell names, if any. */
    static Optional<BreakdownColumn> of(String headerCell) {
        String h = key(headerCell);
        for (BreakdownColumn c : values()) {
            if (c.header.equals(h) || c.variants.contains(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static boolean ignored(String headerCell) {
        return IGNORED.contains(key(headerCell));
    }

    /** 整改\n时限（年月日）* → 整改时限. */
    static String key(String headerCell) {
        String h = TextFold.key(headerCell == null ? "" : headerCell);
        h = h.replaceAll("\\(.*\\)$", "").replaceAll("[*:]+$", "").replaceAll("^[*]+", "");
        return h;
    }

    static String allHeaders() {
        StringBuilder b = new StringBuilder();
        for (BreakdownColumn c : values()) {
            if (!b.isEmpty()) {
                b.append('、');
            }
            b.append(c.header);
        }
        return b.toString();
    }
}
