package org.rectify.plans.internal;

import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.WrittenList;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * A ledger page's rows as a list of {@link TaskSummary} that writes its JSON by hand ({@link WrittenList}, issue 14),
 * as {@code progress.internal.WrittenItems} does the due list's. In a county office's Q2 (50 rows) the request thread
 * spent ~16 % of its samples decoding the rows' title and text from the driver's UTF-8 bytes into strings and ~13 %
 * more in the mapper encoding them back into UTF-8, and ~12 % in its bean serializers (a method handle and a serializer
 * lookup per field): here the title and text stay the bytes the database sent and are written as they are, escaped
 * where JSON needs it, and a row becomes a {@link TaskSummary} only when one is asked for (the ledger's HTML page, the
 * export). The JSON is the same bytes as the mapper's writing of the summaries (a test compares them).
 */
public final class WrittenSummaries {

    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString PLAN_ID = new SerializedString("planId");
    private static final SerializableString REF = new SerializedString("ref");
    private static final SerializableString TITLE = new SerializedString("title");
    private static final SerializableString TEXT = new SerializedString("text");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString DEADLINE = new SerializedString("deadline");
    private static final SerializableString LEAD_UNITS = new SerializedString("leadUnits");
    private static final SerializableString RESPONSIBLE_NAME = new SerializedString("responsibleName");
    private static final SerializableString ONGOING = new SerializedString("ongoing");

    private WrittenSummaries() {
    }

    /**
     * A page's row as read: {@link TaskSummary}'s components, the title and text as UTF-8 bytes (null for none), which
     * are the driver's own and are not changed.
     */
    public record Row(long id, long planId, String ref, byte[] title, byte[] text, TaskStatus status, LocalDate deadline,
                      List<String> leadUnits, String responsibleName, boolean ongoing) {

        TaskSummary summary() {
            return new TaskSummary(id, planId, ref, decoded(title), decoded(text), status, deadline, leadUnits,
                    responsibleName, ongoing);
        }

        private static String decoded(byte[] utf8) {
            return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        }
    }

    /** The rows, in order, as summaries that write their JSON by hand. */
    public static List<TaskSummary> of(List<Row> rows) {
        return WrittenList.of(rows, Row::summary, WrittenSummaries::write);
    }

    /** A row: the mapper's order of {@link TaskSummary}'s components, nulls written. */
    private static void write(JsonGenerator gen, Row row) {
        gen.writeStartObject(row);
        gen.writeName(ID);
        gen.writeNumber(row.id());
        gen.writeName(PLAN_ID);
        gen.writeNumber(row.planId());
        gen.writeName(REF);
        gen.writeString(row.ref());
        gen.writeName(TITLE);
        WrittenList.writeUtf8(gen, row.title());
        gen.writeName(TEXT);
        WrittenList.writeUtf8(gen, row.text());
        gen.writeName(STATUS);
        WrittenList.writeName(gen, row.status());
        gen.writeName(DEADLINE);
        writeDate(gen, row.deadline());
        gen.writeName(LEAD_UNITS);
        List<String> leads = row.leadUnits();
        if (leads == null) {
            gen.writeNull();
        } else {
            int n = leads.size();
            gen.writeStartArray(leads, n);
            for (int i = 0; i < n; i++) {
                gen.writeString(leads.get(i));
            }
            gen.writeEndArray();
        }
        gen.writeName(RESPONSIBLE_NAME);
        gen.writeString(row.responsibleName());
        gen.writeName(ONGOING);
        gen.writeBoolean(row.ongoing());
        gen.writeEndObject();
    }

    /**
     * The mapper's LocalDate: ISO_LOCAL_DATE, which is LocalDate's own text, written from ten characters for a year of
     * four digits (a county's Q2: {@code toString}'s builder and string were 3 % of the request thread, issue 14).
     */
    private static void writeDate(JsonGenerator gen, LocalDate date) {
        if (date == null) {
            gen.writeNull();
        } else if (date.getYear() < 0 || date.getYear() > 9999) {
            gen.writeString(date.toString()); // a sign, or more digits
        } else {
            char[] text = new char[10];
            digits(text, 0, date.getYear(), 4);
            text[4] = '-';
            digits(text, 5, date.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, date.getDayOfMonth(), 2);
            gen.writeString(text, 0, 10);
        }
    }

    /** {@code value} as {@code width} decimal digits, zeros in front. */
    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
