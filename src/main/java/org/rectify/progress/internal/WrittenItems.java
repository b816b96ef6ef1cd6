package org.rectify.progress.internal;

import org.rectify.plans.PagedDuty;
import org.rectify.plans.UnitDuty;
import org.rectify.progress.DueList;
import org.rectify.progress.SlotStatus;
import org.rectify.platform.WrittenList;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A due list's items and supported tasks as lists that write their JSON by hand (issue 14): the mapper's bean
 * serializers read each of a page's 200 records' 9 fields through a method handle and looked up each value's
 * serializer, over a quarter of a county office's request in a flight recording; these write the same fields in the
 * same order with the same bytes (a test compares them with the mapper's own writing). The refs and titles are the
 * bytes the database sent and the page's names are encoded once (the UTF-8 decoding and encoding of the strings were
 * ~8 % of the request's thread); an item is made only when one is asked for. To the page's template and to equality
 * they are lists like any other.
 */
public final class WrittenItems {

    private static final SerializableString TASK_ID = new SerializedString("taskId");
    private static final SerializableString TASK_REF = new SerializedString("taskRef");
    private static final SerializableString TASK_TITLE = new SerializedString("taskTitle");
    private static final SerializableString TASK_STATUS = new SerializedString("taskStatus");
    private static final SerializableString UNIT_ID = new SerializedString("unitId");
    private static final SerializableString UNIT_NAME = new SerializedString("unitName");
    private static final SerializableString GROUP_NAME = new SerializedString("groupName");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString CONTRIBUTIONS = new SerializedString("contributions");
    private static final SerializableString STATE = new SerializedString("state");
    private static final SerializableString DAYS_LATE = new SerializedString("daysLate");
    private static final SerializableString LATEST_REPORT_ID = new SerializedString("latestReportId");
    private static final SerializableString LATEST_VERSION = new SerializedString("latestVersion");
    private static final SerializableString LATEST_STATUS = new SerializedString("latestStatus");
    private static final SerializableString SUBMITTED_REPORT_ID = new SerializedString("submittedReportId");

    private WrittenItems() {
    }

    /** An item as read: its duty (ref and title as the database sent them), its slot's status and contributions. */
    public record ItemRow(PagedDuty duty, SlotStatus status, int contributions) {

        DueList.Item item() {
            UnitDuty d = duty.duty();
            return new DueList.Item(d.taskId(), d.ref(), d.displayTitle(), d.status(), d.unitId(), d.unitName(),
                    d.groupName(), status, contributions);
        }
    }

    /** A supported task as read: its duty and the contributions its unit made. */
    public record SupportRow(PagedDuty duty, int contributions) {

        DueList.Support support() {
            UnitDuty d = duty.duty();
            return new DueList.Support(d.taskId(), d.ref(), d.displayTitle(), d.unitId(), d.unitName(), contributions);
        }
    }

    /**
     * A page's unit and group names as UTF-8, each encoded once: a county's page names its 5 units on 200 rows. For one
     * thread (an answer is written by one).
     */
    public static final class Names {

        private final Map<String, byte[]> utf8 = new HashMap<>();

        byte[] utf8(String name) {
            return name == null ? null : utf8.computeIfAbsent(name, n -> n.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A plan's items on the page, written by hand; each an {@link DueList.Item} when one is asked for. */
    public static List<DueList.Item> itemRows(List<ItemRow> items, Names names) {
        return WrittenList.of(items, ItemRow::item, (gen, item) -> write(gen, item, names));
    }

    /** A plan's supported tasks on the page, written by hand; each a {@link DueList.Support} when one is asked for. */
    public static List<DueList.Support> supportRows(List<SupportRow> supporting, Names names) {
        return WrittenList.of(supporting, SupportRow::support, (gen, support) -> write(gen, support, names));
    }

    /** An item: the mapper's order of {@link DueList.Item}'s components, nulls written. */
    private static void write(JsonGenerator gen, ItemRow item, Names names) {
        PagedDuty d = item.duty();
        gen.writeStartObject(item);
        gen.writeName(TASK_ID);
        gen.writeNumber(d.taskId());
        gen.writeName(TASK_REF);
        WrittenList.writeUtf8(gen, d.refUtf8());
        gen.writeName(TASK_TITLE);
        WrittenList.writeUtf8(gen, d.titleUtf8());
        gen.writeName(TASK_STATUS);
        WrittenList.writeName(gen, d.status());
        gen.writeName(UNIT_ID);
        gen.writeNumber(d.unitId());
        gen.writeName(UNIT_NAME);
        WrittenList.writeUtf8(gen, names.utf8(d.unitName()));
        gen.writeName(GROUP_NAME);
        WrittenList.writeUtf8(gen, names.utf8(d.groupName()));
        gen.writeName(STATUS);
        write(gen, item.status());
        gen.writeName(CONTRIBUTIONS);
        gen.writeNumber(item.contributions());
        gen.writeEndObject();
    }

    /** A supported task: the mapper's order of {@link DueList.Support}'s components, nulls written. */
    private static void write(JsonGenerator gen, SupportRow support, Names names) {
        PagedDuty d = support.duty();
        gen.writeStartObject(support);
        gen.writeName(TASK_ID);
        gen.writeNumber(d.taskId());
        gen.writeName(TASK_REF);
        WrittenList.writeUtf8(gen, d.refUtf8());
        gen.writeName(TASK_TITLE);
        WrittenList.writeUtf8(gen, d.titleUtf8());
        gen.writeName(UNIT_ID);
        gen.writeNumber(d.unitId());
        gen.writeName(UNIT_NAME);
        WrittenList.writeUtf8(gen, names.utf8(d.unitName()));
        gen.writeName(CONTRIBUTIONS);
        gen.writeNumber(support.contributions());
        gen.writeEndObject();
    }

    /** A slot's status, {@link SlotStatus}'s components in order; null as the mapper writes it. */
    private static void write(JsonGenerator gen, SlotStatus status) {
        if (status == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject(status);
        gen.writeName(STATE);
        WrittenList.writeName(gen, status.state());
        gen.writeName(DAYS_LATE);
        gen.writeNumber(status.daysLate());
        gen.writeName(LATEST_REPORT_ID);
        writeNumber(gen, status.latestReportId());
        gen.writeName(LATEST_VERSION);
        if (status.latestVersion() == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(status.latestVersion().intValue());
        }
        gen.writeName(LATEST_STATUS);
        WrittenList.writeName(gen, status.latestStatus());
        gen.writeName(SUBMITTED_REPORT_ID);
        writeNumber(gen, status.submittedReportId());
        gen.writeEndObject();
    }

    private static void writeNumber(JsonGenerator gen, Long value) {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeNumber(value.longValue());
        }
    }
}
