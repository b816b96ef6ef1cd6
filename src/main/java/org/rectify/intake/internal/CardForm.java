package org.rectify.intake.internal;

import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.UnitMention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One task card's edit form as the browser posts it. Every value arrives as text and is read here, so a
 * mistyped date or number is reported at its field instead of failing the request. Blank rows are dropped.
 */
public class CardForm {

    private int version;
    private String ref;
    private String title;
    private String text;
    private String measures;
    private String responsible;
    private String leadUnits;
    private String supportingUnits;
    private boolean ongoing;
    private List<DeadlineRow> deadlines = new ArrayList<>();
    private List<IndicatorRow> indicators = new ArrayList<>();
    private List<ObligationRow> obligations = new ArrayList<>();

    /** The form of a card as it stands, with one blank row of each kind to fill in. */
    static CardForm of(StoredCard stored) {
        DraftCard c = stored.card();
        CardForm f = new CardForm();
        f.version = stored.version();
        f.ref = c.ref();
        f.title = c.title();
        f.text = c.text();
        f.measures = c.measures();
        f.responsible = c.responsible();
        f.leadUnits = unitText(c.leadUnits());
        f.supportingUnits = unitText(c.supportingUnits());
        f.ongoing = c.ongoing();
        for (Deadline d : c.deadlines()) {
            DeadlineRow r = new DeadlineRow();
            r.date = d.date() == null ? "" : d.date().toString();
            r.originalDate = r.date;
            r.deliverable = d.deliverable();
            r.phrase = d.phrase();
            f.deadlines.add(r);
        }
        for (Indicator i : c.indicators()) {
            IndicatorRow r = new IndicatorRow();
            r.name = i.name();
            r.comparator = i.comparator();
            r.value = i.value() == null ? "" : i.value().stripTrailingZeros().toPlainString();
            r.unit = i.unit();
            r.due = i.due() == null ? "" : i.due().toString();
            r.phrase = i.phrase();
            f.indicators.add(r);
        }
        for (Obligation o : c.obligations()) {
            ObligationRow r = new ObligationRow();
            r.subject = o.subject();
            r.atLeast = Integer.toString(o.atLeast());
            r.per = o.per();
            r.from = o.from() == null ? "" : o.from().toString();
            r.phrase = o.phrase();
            f.obligations.add(r);
        }
        return f.withBlankRows();
    }

    CardForm withBlankRows() {
        deadlines.add(new DeadlineRow());
        indicators.add(new IndicatorRow());
        obligations.add(new ObligationRow());
        return this;
    }

    /** Units as the reviewer edits them: names separated by 、 (or ， where 、 would read differently). */
    static String unitText(List<UnitMention> units) {
        return BreakdownExport.units(units.stream().map(UnitMention::name).toList());
    }

    /** What was typed, read; {@code errors} receives field → bundle key for what cannot be read. */
    DraftCard toCard(DraftCard before, Function<String, List<UnitMention>> units, Map<String, String> errors) {
        List<Deadline> ds = new ArrayList<>();
        for (int i = 0; i < deadlines.size(); i++) {
            DeadlineRow r = deadlines.get(i);
            if (blank(r.date) && blank(r.deliverable)) {
                continue;
            }
            LocalDate date = date(r.date, "deadlines[" + i + "]", errors);
            if (date == null && !errors.containsKey("deadlines[" + i + "]")) {
                errors.put("deadlines[" + i + "]", "intake.card.deadlineIncomplete");
            }
            boolean sameDate = r.date != null && r.date.strip().equals(r.originalDate);
            ds.add(new Deadline(date, sameDate ? blankToNull(r.phrase) : null, blankToNull(r.deliverable), false));
        }
        List<Indicator> is = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorRow r = indicators.get(i);
            if (blank(r.name) && blank(r.value)) {
                continue;
            }
            String field = "indicators[" + i + "]";
            BigDecimal value = null;
            try {
                value = blank(r.value) ? null : new BigDecimal(r.value.strip());
            } catch (NumberFormatException e) {
                errors.put(field, "intake.card.numberInvalid");
            }
            is.add(new Indicator(blankToNull(r.name), r.comparator, value, blankToNull(r.unit), date(r.due, field, errors),
                    blankToNull(r.phrase)));
        }
        List<Obligation> os = new ArrayList<>();
        for (int i = 0; i < obligations.size(); i++) {
            ObligationRow r = obligations.get(i);
            if (blank(r.subject) && blank(r.atLeast)) {
                continue;
            }
            String field = "obligations[" + i + "]";
            int atLeast = 0;
            try {
                atLeast = blank(r.atLeast) ? 0 : Integer.parseInt(r.atLeast.strip());
            } catch (NumberFormatException e) {
                errors.put(field, "intake.card.numberInvalid");
            }
            os.add(new Obligation(blankToNull(r.subject), atLeast, r.per, date(r.from, field, errors), blankToNull(r.phrase)));
        }
        return before.edited(ref == null ? "" : ref.strip(), blankToNull(title), text == null ? "" : text.strip(),
                blankToNull(measures), blankToNull(responsible), units.apply(leadUnits), units.apply(supportingUnits),
                ds, ongoing, is, os);
    }

    private static LocalDate date(String s, String field, Map<String, String> errors) {
        if (blank(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "intake.card.dateInvalid");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    // ---- bean properties, for binding

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getMeasures() {
        return measures;
    }

    public void setMeasures(String measures) {
        this.measures = measures;
    }

    public String getResponsible() {
        return responsible;
    }

    public void setResponsible(String responsible) {
        this.responsible = responsible;
    }

    public String getLeadUnits() {
        return leadUnits;
    }

    public void setLeadUnits(String leadUnits) {
        this.leadUnits = leadUnits;
    }

    public String getSupportingUnits() {
        return supportingUnits;
    }

    public void setSupportingUnits(String supportingUnits) {
        this.supportingUnits = supportingUnits;
    }

    public boolean isOngoing() {
        return ongoing;
    }

    public void setOngoing(boolean ongoing) {
        this.ongoing = ongoing;
    }

    public List<DeadlineRow> getDeadlines() {
        return deadlines;
    }

    public void setDeadlines(List<DeadlineRow> deadlines) {
        this.deadlines = deadlines;
    }

    public List<IndicatorRow> getIndicators() {
        return indicators;
    }

    public void setIndicators(List<IndicatorRow> indicators) {
        this.indicators = indicators;
    }

    public List<ObligationRow> getObligations() {
        return obligations;
    }

    public void setObligations(List<ObligationRow> obligations) {
        this.obligations = obligations;
    }

    public static class DeadlineRow {
        private String date;
        private String originalDate;
        private String deliverable;
        private String phrase;

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date;
        }

        public String getOriginalDate() {
            return originalDate;
        }

        public void setOriginalDate(String originalDate) {
            this.originalDate = originalDate;
        }

        public String getDeliverable() {
            return deliverable;
        }

        public void setDeliverable(String deliverable) {
            this.deliverable = deliverable;
        }

        public String getPhrase() {
            return phrase;
        }

        public void setPhrase(String phrase) {
            this.phrase = phrase;
        }
    }

    public static class IndicatorRow {
        private String name;
        private String comparator = ">=";
        private String value;
        private String unit;
        private String due;
        private String phrase;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getComparator() {
            return comparator;
        }

        public void setComparator(String comparator) {
            this.comparator = comparator;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getDue() {
            return due;
        }

        public void setDue(String due) {
            this.due = due;
        }

        public String getPhrase() {
            return phrase;
        }

        public void setPhrase(String phrase) {
            this.phrase = phrase;
        }
    }

    public static class ObligationRow {
        private String subject;
        private String atLeast;
        private String per = "year";
        private String from;
        private String phrase;

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getAtLeast() {
            return atLeast;
        }

        public void setAtLeast(String atLeast) {
            this.atLeast = atLeast;
        }

        public String getPer() {
            return per;
        }

        public void setPer(String per) {
            this.per = per;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getPhrase() {
            return phrase;
        }

        public void setPhrase(String phrase) {
            this.phrase = phrase;
        }
    }
}
