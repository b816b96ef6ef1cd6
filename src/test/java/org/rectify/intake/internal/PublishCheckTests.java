package org.rectify.intake.internal;

import org.junit.jupiter.api.Test;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.UnresolvedMentions;
import org.rectify.intake.parser.UnitMention;
import org.rectify.platform.RectifyException;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rectify.intake.internal.DraftRulesTests.EPB;
import static org.rectify.intake.internal.DraftRulesTests.UNKNOWN;
import static org.rectify.intake.internal.DraftRulesTests.card;
import static org.rectify.intake.internal.DraftRulesTests.draft;

/** What blocks publishing a draft, alone: no Spring, no database. */
class PublishCheckTests {

    /** Keys as they are, arguments after a colon: what the office would read, minus the translation. */
    static final PublishCheck.Texts TEXTS = (key, args) -> args.length == 0 ? key : key + ":" + args[0];

    static RectifyException refusal(StoredDraft draft, boolean assign) {
        return catchThrowableOfType(RectifyException.class, () -> PublishCheck.require(draft, assign, TEXTS));
    }

    @Test
    void a_complete_draft_may_be_published_as_draft_tasks_or_assigned() {
        StoredDraft draft = draft(card("一", "整改", List.of(EPB)), card("二", "整改", List.of(EPB)));
        assertThatCode(() -> PublishCheck.require(draft, true, TEXTS)).doesNotThrowAnyException();
    }

    @Test
    void a_draft_without_tasks_is_refused() {
        assertThat(refusal(draft(), false).messageKey()).isEqualTo("intake.publish.noTasks");
    }

    @Test
    void an_unresolved_unit_blocks_publishing_and_is_named_with_its_task() {
        RectifyException e = refusal(draft(card("一", "整改", List.of(EPB, UNKNOWN))), false);
        assertThat(e).isInstanceOf(UnresolvedMentions.class);
        assertThat(e.args()).containsExactly("一：市某某局");
    }

    @Test
    void every_incomplete_task_is_listed_at_once_a_task_without_ref_by_its_position() {
        RectifyException e = refusal(draft(card("一", "整改", List.of(EPB)), card("", "整改", List.of(EPB)),
                card("一", " ", List.of(EPB))), false);
        assertThat(e.messageKey()).isEqualTo("intake.publish.problems");
        assertThat(e.args()).containsExactly(3, "intake.card.noRef:2：intake.card.refRequired；一：intake.card.refRepeated；"
                + "一：intake.card.textRequired");
    }

    @Test
    void a_task_without_lead_unit_blocks_only_a_publish_that_assigns() {
        StoredDraft draft = draft(card("一", "整改", List.of()));
        assertThatCode(() -> PublishCheck.require(draft, false, TEXTS)).doesNotThrowAnyException();
        assertThat(refusal(draft, true).args()).containsExactly(1, "一：intake.card.leadRequired");
    }

    @Test
    void a_draft_without_a_plan_title_is_refused() {
        StoredDraft untitled = new StoredDraft(1, 1, SourceKind.TEXT, null, "", " ",
                new PlanHeader(null, null, null, null, null, null), List.of(), 1, "整改办", null, "整改办", null, null,
                null, null, List.of(new StoredCard(1, 1, 0, card("一", "整改", List.of(EPB)), "整改办",
                OffsetDateTime.parse("2026-12-01T02:00:00Z"))));
        assertThat(refusal(untitled, false).messageKey()).isEqualTo("intake.publish.titleRequired");
    }
}
