package org.rectify.intake.internal;

import org.junit.jupiter.api.Test;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.parser.Deadline;
import org.rectify.intake.parser.Indicator;
import org.rectify.intake.parser.Obligation;
import org.rectify.intake.parser.ResolutionRule;
import org.rectify.intake.parser.UnitMention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a draft's task, alone: no Spring, no database. */
class DraftRulesTests {

    static final UnitMention EPB = new UnitMention("市环境保护局", false, 7L);
    static final UnitMention UNKNOWN = new UnitMention("市某某局", false, null);

    static DraftCard card(String ref, String text, List<UnitMention> lead) {
        return new DraftCard(ref, null, text, null, null, null, lead, List.of(), List.of(), false, false, List.of(),
                List.of(), List.of(), List.of(), 0, 0, null);
    }

    static StoredDraft draft(DraftCard... cards) {
        List<StoredCard> stored = new java.util.ArrayList<>();
        for (int i = 0; i < cards.length; i++) {
            stored.add(new StoredCard(100 + i, 1, i, cards[i], "整改办", OffsetDateTime.parse("2026-12-01T02:00:00Z")));
        }
        return new StoredDraft(1, 1, SourceKind.TEXT, null, "", "某某整改方案",
                new PlanHeader(null, null, null, null, null, null), List.of(), 1, "整改办", null, "整改办", null, null,
                null, null, stored);
    }

    @Test
    void a_task_without_ref_or_text_cannot_be_saved_and_each_rule_names_its_field() {
        assertThat(DraftRules.problems(card("", " ", List.of()), draft(), 1))
                .containsEntry("ref", "intake.card.refRequired")
                .containsEntry("text", "intake.card.textRequired");
    }

    @Test
    void a_ref_another_task_of_the_draft_has_is_refused_but_the_task_may_keep_its_own() {
        StoredDraft draft = draft(card("一(一)", "整改", List.of()), card("一(二)", "整改", List.of()));
        assertThat(DraftRules.problems(card("一(一)", "整改", List.of()), draft, 101))
                .containsEntry("ref", "intake.card.refRepeated");
        assertThat(DraftRules.problems(card("一(一)", "整改", List.of()), draft, 100)).isEmpty();
    }

    @Test
    void a_deadline_without_a_date_an_indicator_without_a_comparator_and_an_obligation_without_a_period_are_incomplete() {
        DraftCard c = new DraftCard("一", null, "整改", null, null, null, List.of(), List.of(),
                List.of(new Deadline(LocalDate.of(2018, 12, 31), "2018年底前", null, false),
                        new Deadline(null, "尽快", null, false)),
                false, false, List.of(new Indicator("绿地率", "≈", new BigDecimal("36"), "%", null, null)),
                List.of(new Obligation("巡查", 1, "fortnight", null, null)), List.of(), List.of(), 0, 0, null);
        assertThat(DraftRules.problems(c, draft(), 1))
                .doesNotContainKey("deadlines[0]")
                .containsEntry("deadlines[1]", "intake.card.deadlineIncomplete")
                .containsEntry("indicators[0]", "intake.card.indicatorIncomplete")
                .containsEntry("obligations[0]", "intake.card.obligationIncomplete");
    }

    @Test
    void a_save_trims_the_texts_words_a_bare_deadline_and_names_a_unit_once() {
        DraftCard c = new DraftCard(" 一 ", "  ", " 整改 ", null, null, null, List.of(EPB, EPB), List.of(),
                List.of(new Deadline(LocalDate.of(2018, 12, 31), null, null, false)), false, false, List.of(),
                List.of(), List.of(), List.of(), 0, 0, null);
        DraftCard n = DraftRules.normalised(c);
        assertThat(n.ref()).isEqualTo("一");
        assertThat(n.title()).isNull();
        assertThat(n.text()).isEqualTo("整改");
        assertThat(n.leadUnits()).containsExactly(EPB);
        assertThat(n.deadlines().get(0).phrase()).isEqualTo("2018年12月31日前");
    }

    @Test
    void a_unit_the_reviewer_chose_stays_chosen_when_the_task_is_saved_with_the_same_words() {
        UnitMention chosen = new UnitMention("市某某局", false, 9L, "市生态环境局", ResolutionRule.CHOSEN);
        DraftCard saved = DraftRules.keepingChosenUnits(card("一", "整改", List.of(UNKNOWN)),
                card("一", "整改", List.of(chosen)));
        assertThat(saved.leadUnits()).containsExactly(chosen);
    }

    @Test
    void resolving_counts_only_mentions_that_were_unresolved_and_merges_two_that_now_name_one_unit() {
        DraftCard c = card("一", "整改", List.of(EPB, UNKNOWN));
        DraftRules.Resolved r = DraftRules.resolve(c, m -> m.unitId() == null ? new UnitMention(m.name(), false, 7L) : m);
        assertThat(r.count()).isEqualTo(1);
        assertThat(r.card().leadUnits()).containsExactly(EPB);

        DraftRules.Resolved none = DraftRules.resolve(c, m -> m);
        assertThat(none.count()).isZero();
        assertThat(none.card()).isEqualTo(c);
    }

    @Test
    void a_header_keeps_blank_fields_as_absent() {
        PlanHeader h = DraftRules.tidy(new PlanHeader(" ", "督察组 ", null, "  方案 ", "", null));
        assertThat(h.inspectionName()).isNull();
        assertThat(h.inspectionTeam()).isEqualTo("督察组");
        assertThat(h.planTitle()).isEqualTo("方案");
        assertThat(h.issuingBody()).isNull();
    }
}
