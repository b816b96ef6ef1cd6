package org.rectify.intake.parser;

import static org.assertj.core.api.Assertions.assertThat;

/** Small plans for phrase-form tests. */
final class Plans {

    private Plans() {
    }

    static DraftPlan parse(String text) {
        return new PlanParser().parse(text, UnitResolver.NONE);
    }

    /** The one task of a plan made of a single item with this body and a plain annotation. */
    static DraftTask task(String body) {
        DraftPlan plan = parse("一、测试\n（一）" + body + "（责任单位：市环境保护局）\n");
        assertThat(plan.tasks()).hasSize(1);
        return plan.tasks().get(0);
    }

    /** The one task of a plan made of a single item with this annotation. */
    static DraftTask annotated(String annotation) {
        DraftPlan plan = parse("一、测试\n（一）加强监管。开展执法检查。" + annotation + "\n");
        assertThat(plan.tasks()).hasSize(1);
        return plan.tasks().get(0);
    }
}
