package org.rectify.supervision.internal;

import org.rectify.supervision.CircularFacts;
import org.rectify.supervision.CircularPeriod;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the first draft of a circular from its facts, in the words a rectification office uses: title, addressees,
 * an overview with the counts, then 一、报送情况 / 二、红色预警任务 / 三、问题反弹 / 四、排名情况 / 五、下一步要求. Always
 * Chinese: it is the office's document, not a page in the user's language. One paragraph per line of the body.
 */
public final class CircularWriter {

    /** What a drafted circular starts with; the office edits all of it. */
    public record Draft(String title, String addressees, String body) {
    }

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final int MAX_LISTED = 30;

    private CircularWriter() {
    }

    public static Draft write(CircularPeriod period, CircularFacts facts, String addressees) {
        String subject = facts.planTitle() == null ? "整改任务" : "《" + facts.planTitle() + "》整改任务";
        String title = "关于" + period.label() + subject + "推进情况的通报";
        List<String> body = new ArrayList<>();
        body.add("为压实整改责任，推动整改任务按期落实，现将" + period.label() + subject + "推进情况通报如下：");
        body.add(overview(period, facts));
        body.add("一、报送情况");
        body.addAll(reporting(facts));
        body.add("二、红色预警任务");
        body.addAll(redTasks(facts));
        body.add("三、问题反弹");
        body.addAll(relapses(period, facts));
        body.add("四、排名情况");
        body.addAll(rankings(facts));
        body.add("五、下一步要求");
        body.addAll(demands(facts));
        return new Draft(title, addressees, String.join("\n", body));
    }

    private static String overview(CircularPeriod period, CircularFacts f) {
        String reports = f.due() == 0 ? (f.pending() == 0 ? "无应报送的进展报告" : f.pending() + "份进展报告尚在报送宽限期内")
                : "各责任单位应报送进展报告" + f.due() + "份，按时报送" + f.onTime() + "份，逾期报送" + f.late()
                + "份，未报送" + f.missing() + "份，按时报送率" + percent(f.onTimeRate())
                + (f.pending() == 0 ? "" : "（另有" + f.pending() + "份尚在宽限期内，未计入）");
        return period.label() + "，" + reports + "；截至" + chineseDate(f.to()) + "，红色预警任务" + f.redTasks().size()
                + "项；期内问题反弹" + f.relapses().size() + "项。";
    }

    private static List<String> reporting(CircularFacts f) {
        List<String> out = new ArrayList<>();
        if (f.pending() > 0) { // a circular drafted before the grace period ended must not read as "nothing was due"
            out.add("本期有" + f.pending() + "份进展报告尚在报送宽限期内，未计入本期统计。");
        }
        if (f.lateReports().isEmpty() && f.missingReports().isEmpty()) {
            if (f.due() > 0 || f.pending() == 0) {
                out.add(f.due() == 0 ? "本期无应报送的进展报告。" : "本期各责任单位均按时报送了整改进展。");
            }
            return out;
        }
        if (!f.missingReports().isEmpty()) {
            out.add("未报送进展的单位：" + listed(f.missingReports().stream()
                    .map(r -> r.unitName() + "（" + task(r.taskRef(), r.taskTitle()) + "，应于" + chineseDate(r.dueOn()) + "前报送）")
                    .toList()) + "。");
        }
        if (!f.lateReports().isEmpty()) {
            out.add("逾期报送进展的单位：" + listed(f.lateReports().stream()
                    .map(r -> r.unitName() + "（" + task(r.taskRef(), r.taskTitle()) + "，逾期" + r.daysLate() + "天）")
                    .toList()) + "。");
        }
        return out;
    }

    private static List<String> redTasks(CircularFacts f) {
        if (f.redTasks().isEmpty()) {
            return List.of("截至" + chineseDate(f.to()) + "，无红色预警任务。");
        }
        List<String> out = new ArrayList<>();
        out.add("截至" + chineseDate(f.to()) + "，以下" + f.redTasks().size() + "项任务处于红色预警：");
        int i = 0;
        for (CircularFacts.RedTask t : f.redTasks()) {
            if (++i > MAX_LISTED) {
                out.add("（其余" + (f.redTasks().size() - MAX_LISTED) + "项略）");
                break;
            }
            out.add(i + ". " + task(t.taskRef(), t.taskTitle()) + "（牵头单位：" + units(t.leadUnits())
                    + (t.deadline() == null ? "" : "；整改时限：" + chineseDate(t.deadline()))
                    + (t.overdue() ? "；已超过整改时限" : "") + "）。");
        }
        return out;
    }

    private static List<String> relapses(CircularPeriod period, CircularFacts f) {
        if (f.relapses().isEmpty()) {
            return List.of(period.label() + "未发现已销号问题反弹。");
        }
        List<String> out = new ArrayList<>();
        out.add(period.label() + "，以下" + f.relapses().size() + "项已销号问题出现反弹，已重新开启整改：");
        int i = 0;
        for (CircularFacts.Relapse r : f.relapses()) {
            out.add(++i + ". " + task(r.taskRef(), r.taskTitle()) + "（牵头单位：" + units(r.leadUnits()) + "；"
                    + chineseDate(r.reopenedOn()) + "重新开启" + (r.reason() == null ? "" : "，原因：" + r.reason()) + "）。");
        }
        return out;
    }

    private static List<String> rankings(CircularFacts f) {
        List<String> out = new ArrayList<>();
        if (!f.reportingRanking().isEmpty()) {
            out.add("（" + NUMERALS[out.size()] + "）按时报送率（由高到低）：" + listed(numbered(f.reportingRanking().stream()
                    .map(u -> u.unitName() + " " + percent(u.rate()) + "（" + u.onTime() + "/" + u.due() + "）").toList(),
                    f.reportingRanks())) + "。");
        }
        if (!f.overdueRanking().isEmpty()) {
            out.add("（" + NUMERALS[out.size()] + "）逾期任务数（由多到少）：" + listed(numbered(f.overdueRanking().stream()
                    .map(u -> u.unitName() + " " + u.overdueTasks() + "项").toList(), f.overdueRanks())) + "。");
        }
        return out.isEmpty() ? List.of("本期无排名数据。") : out;
    }

    private static List<String> demands(CircularFacts f) {
        List<String> out = new ArrayList<>();
        List<String> lagging = new ArrayList<>();
        f.missingReports().forEach(r -> addOnce(lagging, r.unitName()));
        f.lateReports().forEach(r -> addOnce(lagging, r.unitName()));
        int n = 0;
        if (!lagging.isEmpty()) {
            out.add("（" + NUMERALS[n++] + "）" + units(lagging) + "要认真分析原因，立即补报整改进展，并于本通报印发之日起5个工作日内向领导小组办公室作出书面说明。");
        }
        if (!f.redTasks().isEmpty()) {
            out.add("（" + NUMERALS[n++] + "）红色预警任务的牵头单位要制定整改计划，倒排工期、挂图作战，确保尽快完成整改。");
        }
        if (!f.relapses().isEmpty()) {
            out.add("（" + NUMERALS[n++] + "）出现反弹问题的单位要举一反三、查找根源，建立长效机制，坚决防止问题再次反弹。");
        }
        out.add("（" + NUMERALS[n] + "）各单位要严格落实整改责任，按时报送整改进展，确保各项整改任务按期完成。");
        return out;
    }

    private static String task(String ref, String title) {
        return ref + " " + title;
    }

    private static String units(List<String> names) {
        return names.isEmpty() ? "未明确" : String.join("、", names);
    }

    private static String listed(List<String> items) {
        if (items.size() <= MAX_LISTED) {
            return String.join("；", items);
        }
        return String.join("；", items.subList(0, MAX_LISTED)) + "等" + items.size() + "项";
    }

    /** Items numbered by their places (tied items share one). */
    private static List<String> numbered(List<String> items, List<Integer> places) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(places.get(i) + ". " + items.get(i));
        }
        return out;
    }

    private static void addOnce(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    static String percent(double value) {
        return new DecimalFormat("0.#").format(value) + "%";
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
