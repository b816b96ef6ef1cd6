package org.rectify.progress.internal;

import org.rectify.progress.DueList;
import org.rectify.progress.SlotStatus;
import org.rectify.platform.WrittenList;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.util.List;

/**
 * A due list's items and supported tasks as lists that write their JSON by hand (issue 14): the mapper's bean
 * serializers read each of a page's 200 records' 9 fields through a method handle and looked up each value's
 * serializer, over a quarter of a county office's request in a flight recording; these write the same fields in the
 * same order with the same bytes (a test compares them with the mapper's own writing). To the page's template and to
 * equality they are lists like any other.
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

    /** A plan's items on the page, written by hand. */
    public static List<DueList.Item> items(List<DueList.Item> items) {
        return WrittenList.of(items, WrittenItems::write);
    }

    /** A plan's supported tasks on the page, written by hand. */
    public static List<DueList.Support> supporting(List<DueList.Support> supporting) {
        return WrittenList.of(supporting, WrittenItems::write);
    }

    /** An item: the mapper's order of {@link DueList.Item}'s components, nulls written. */
    private static void write(JsonGenerator gen, DueList.Item item) {
        gen.writeStartObject(item);
        gen.writeName(TASK_ID);
        gen.writeNumber(item.taskId());
        gen.writeName(TASK_REF);
        gen.writeString(item.taskRef());
        gen.writeName(TASK_TITLE);
        gen.writeString(item.taskTitle());
        gen.writeName(TASK_STATUS);
        WrittenList.writeName(gen, item.taskStatus());
        gen.writeName(UNIT_ID);
        gen.writeNumber(item.unitId());
        gen.writeName(UNIT_NAME);
        gen.writeString(item.unitName());
        gen.writeName(GROUP_NAME);
        gen.writeString(item.groupName());
        gen.writeName(STATUS);
        write(gen, item.status());
        gen.writeName(CONTRIBUTIONS);
        gen.writeNumber(item.contributions());
        gen.writeEndObject();
    }

    /** A supported task: the mapper's order of {@link DueList.Support}'s components, nulls written. */
    private static void write(JsonGenerator gen, DueList.Support support) {
        gen.writeStartObject(support);
        gen.writeName(TASK_ID);
        gen.writeNumber(support.taskId());
        gen.writeName(TASK_REF);
        gen.writeString(support.taskRef());
        gen.writeName(TASK_TITLE);
        gen.writeString(support.taskTitle());
        gen.writeName(UNIT_ID);
        gen.writeNumber(support.unitId());
        gen.writeName(UNIT_NAME);
        gen.writeString(support.unitName());
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
