package org.rectify.intake.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.rectify.intake.PlanHeader;
import org.rectify.intake.parser.ParseWarning;
import org.rectify.units.UnitPaths;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.rectify.intake.internal.db.Tables.PLAN_DRAFT;
import static org.rectify.intake.internal.db.Tables.PLAN_DRAFT_TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/** Drafts and their tasks in the database (jOOQ); a task's content is one JSON document. */
@Repository
class DraftStore {

    /** The advisory lock namespace of plan titles being published ("PLAN" in ASCII). */
    private static final int TITLE_LOCKS = 0x504C414E;
    /** The stored form, independent of how the web layer's JSON is configured. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ParseWarning>> WARNINGS = new TypeReference<>() {
    };

    private final DSLContext db;

    DraftStore(DSLContext db) {
        this.db = db;
    }

    /** What a new draft holds. */
    record NewDraft(SourceKind kind, String sourceName, String sourceText, String parsedTitle, PlanHeader header,
                    List<ParseWarning> warnings, List<DraftCard> cards) {
    }

    /** A line of the list of drafts. */
    public record DraftSummary(long id, String planTitle, SourceKind kind, String sourceName, int tasks,
                               String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               Long publishedPlanId) {
    }

    /**
     * Stores the draft and answers it as stored (ids, versions, times from the insert's {@code returning}), made from
     * the cards in hand: reading 2,000 cards back and parsing their JSON again cost a quarter of a draft's time.
     */
    StoredDraft insert(NewDraft d, long ownerUnitId, String who, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        PlanHeader h = d.header();
        Record row = db.insertInto(PLAN_DRAFT)
                .set(PLAN_DRAFT.SOURCE_KIND, d.kind().name()).set(PLAN_DRAFT.SOURCE_NAME, d.sourceName())
                .set(PLAN_DRAFT.SOURCE_TEXT, d.sourceText()).set(PLAN_DRAFT.PARSED_TITLE, d.parsedTitle())
                .set(PLAN_DRAFT.PLAN_TITLE, h.planTitle()).set(PLAN_DRAFT.ISSUING_BODY, h.issuingBody())
                .set(PLAN_DRAFT.ISSUED_ON, h.issuedOn()).set(PLAN_DRAFT.INSPECTION_NAME, h.inspectionName())
                .set(PLAN_DRAFT.INSPECTION_TEAM, h.inspectionTeam()).set(PLAN_DRAFT.FEEDBACK_DATE, h.feedbackDate())
                .set(PLAN_DRAFT.WARNINGS, JSONB.valueOf(JSON.writeValueAsString(d.warnings())))
                .set(PLAN_DRAFT.OWNER_UNIT_ID, ownerUnitId)
                .set(PLAN_DRAFT.CREATED_BY, who).set(PLAN_DRAFT.CREATED_AT, at)
                .set(PLAN_DRAFT.UPDATED_BY, who).set(PLAN_DRAFT.UPDATED_AT, at)
                .returning(PLAN_DRAFT.ID, PLAN_DRAFT.VERSION, PLAN_DRAFT.CREATED_AT, PLAN_DRAFT.UPDATED_AT)
                .fetchOne();
        long id = row.get(PLAN_DRAFT.ID);
        List<StoredCard> cards = insertCards(id, d.cards(), who, at);
        return new StoredDraft(id, row.get(PLAN_DRAFT.VERSION), d.kind(), d.sourceName(), d.sourceText(),
                d.parsedTitle(), h, d.warnings(), ownerUnitId, who, row.get(PLAN_DRAFT.CREATED_AT), who,
                row.get(PLAN_DRAFT.UPDATED_AT), null, null, null, cards);
    }

    /**
     * The cards in one statement whatever their number: one JSON array of them, taken apart in position order by
     * the database (built row by row, jOOQ made an object per value and rendered 10,000 bind markers for a
     * 2,000-task plan; as a text array, it escaped every card's JSON into the array's literal).
     */
    private List<StoredCard> insertCards(long draftId, List<DraftCard> cards, String who, OffsetDateTime at) {
        if (cards.isEmpty()) {
            return List.of();
        }
        Table<?> given = DSL.table("jsonb_array_elements({0}) with ordinality",
                        DSL.val(JSONB.valueOf(JSON.writeValueAsString(cards)), PLAN_DRAFT_TASK.CONTENT))
                .as("given", "content", "ordinality");
        Field<Long> ordinality = DSL.field(DSL.name("given", "ordinality"), Long.class);
        Field<JSONB> content = DSL.field(DSL.name("given", "content"), PLAN_DRAFT_TASK.CONTENT.getDataType());
        StoredCard[] stored = new StoredCard[cards.size()];
        db.insertInto(PLAN_DRAFT_TASK, PLAN_DRAFT_TASK.DRAFT_ID, PLAN_DRAFT_TASK.POSITION, PLAN_DRAFT_TASK.CONTENT,
                        PLAN_DRAFT_TASK.UPDATED_BY, PLAN_DRAFT_TASK.UPDATED_AT)
                .select(DSL.select(DSL.val(draftId, PLAN_DRAFT_TASK.DRAFT_ID), ordinality.minus(1).cast(SQLDataType.INTEGER),
                                content, DSL.val(who, PLAN_DRAFT_TASK.UPDATED_BY),
                                DSL.val(at, PLAN_DRAFT_TASK.UPDATED_AT))
                        .from(given).orderBy(ordinality))
                .returning(PLAN_DRAFT_TASK.ID, PLAN_DRAFT_TASK.POSITION, PLAN_DRAFT_TASK.VERSION, PLAN_DRAFT_TASK.UPDATED_AT)
                .fetch()
                .forEach(r -> stored[r.getPosition()] = new StoredCard(r.getId(), r.getVersion(), r.getPosition(),
                        cards.get(r.getPosition()), who, r.getUpdatedAt()));
        return List.of(stored);
    }

    /** The draft, if it exists and its owner unit lies within {@code scopePath} (null: anywhere). */
    Optional<StoredDraft> find(long id, String scopePath) {
        return db.select(PLAN_DRAFT.asterisk()).from(PLAN_DRAFT)
                .where(PLAN_DRAFT.ID.eq(id).and(visibleFrom(scopePath)))
                .fetchOptional()
                .map(r -> draft(r, cards(id)));
    }

    /** Locks the draft's row until the transaction ends: one publish of a draft at a time, across nodes. */
    void lock(long id) {
        db.select(PLAN_DRAFT.ID).from(PLAN_DRAFT).where(PLAN_DRAFT.ID.eq(id)).forUpdate().fetch();
    }

    /**
     * Holds the plan title until the transaction ends, so two drafts of one title published at once do not
     * make two plans. Two 32-bit keys ("PLAN", the title's hash): the single 64-bit keys are the tasks' (warnings).
     */
    void lockTitle(String title) {
        db.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(TITLE_LOCKS), DSL.val(title.hashCode()))).fetch();
    }

    List<DraftSummary> recent(String scopePath, int limit) {
        var count = DSL.field(db.selectCount().from(PLAN_DRAFT_TASK).where(PLAN_DRAFT_TASK.DRAFT_ID.eq(PLAN_DRAFT.ID)))
                .as("tasks");
        return db.select(PLAN_DRAFT.ID, PLAN_DRAFT.PLAN_TITLE, PLAN_DRAFT.PARSED_TITLE, PLAN_DRAFT.SOURCE_KIND,
                        PLAN_DRAFT.SOURCE_NAME, count, PLAN_DRAFT.CREATED_BY, PLAN_DRAFT.CREATED_AT,
                        PLAN_DRAFT.UPDATED_AT, PLAN_DRAFT.PUBLISHED_PLAN_ID)
                .from(PLAN_DRAFT)
                .where(visibleFrom(scopePath))
                .orderBy(PLAN_DRAFT.UPDATED_AT.desc(), PLAN_DRAFT.ID.desc())
                .limit(limit)
                .fetch(r -> new DraftSummary(r.get(PLAN_DRAFT.ID),
                        r.get(PLAN_DRAFT.PLAN_TITLE) != null && !r.get(PLAN_DRAFT.PLAN_TITLE).isBlank()
                                ? r.get(PLAN_DRAFT.PLAN_TITLE) : r.get(PLAN_DRAFT.PARSED_TITLE),
                        SourceKind.valueOf(r.get(PLAN_DRAFT.SOURCE_KIND)), r.get(PLAN_DRAFT.SOURCE_NAME),
                        r.get(count), r.get(PLAN_DRAFT.CREATED_BY), r.get(PLAN_DRAFT.CREATED_AT),
                        r.get(PLAN_DRAFT.UPDATED_AT), r.get(PLAN_DRAFT.PUBLISHED_PLAN_ID)));
    }

    /** Saves a task if nobody saved it since {@code expectedVersion}; false (nothing changed) otherwise. */
    boolean updateCard(long draftId, long cardId, int expectedVersion, DraftCard card, String who, Instant now) {
        int updated = db.update(PLAN_DRAFT_TASK).set(PLAN_DRAFT_TASK.CONTENT, json(card))
                .set(PLAN_DRAFT_TASK.VERSION, PLAN_DRAFT_TASK.VERSION.plus(1))
                .set(PLAN_DRAFT_TASK.UPDATED_BY, who).set(PLAN_DRAFT_TASK.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PLAN_DRAFT_TASK.ID.eq(cardId).and(PLAN_DRAFT_TASK.DRAFT_ID.eq(draftId))
                        .and(PLAN_DRAFT_TASK.VERSION.eq(expectedVersion)))
                .execute();
        if (updated > 0) {
            touch(draftId, who, now);
        }
        return updated > 0;
    }

    boolean deleteCard(long draftId, long cardId, int expectedVersion, String who, Instant now) {
        int deleted = db.deleteFrom(PLAN_DRAFT_TASK)
                .where(PLAN_DRAFT_TASK.ID.eq(cardId).and(PLAN_DRAFT_TASK.DRAFT_ID.eq(draftId))
                        .and(PLAN_DRAFT_TASK.VERSION.eq(expectedVersion)))
                .execute();
        if (deleted > 0) {
            db.update(PLAN_DRAFT).set(PLAN_DRAFT.VERSION, PLAN_DRAFT.VERSION.plus(1))
                    .set(PLAN_DRAFT.UPDATED_BY, who).set(PLAN_DRAFT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                    .where(PLAN_DRAFT.ID.eq(draftId)).execute();
        }
        return deleted > 0;
    }

    /** Saves the header if nobody changed the draft's header since {@code expectedVersion}. */
    boolean updateHeader(long draftId, int expectedVersion, PlanHeader h, String who, Instant now) {
        return db.update(PLAN_DRAFT)
                .set(PLAN_DRAFT.PLAN_TITLE, h.planTitle()).set(PLAN_DRAFT.ISSUING_BODY, h.issuingBody())
                .set(PLAN_DRAFT.ISSUED_ON, h.issuedOn()).set(PLAN_DRAFT.INSPECTION_NAME, h.inspectionName())
                .set(PLAN_DRAFT.INSPECTION_TEAM, h.inspectionTeam()).set(PLAN_DRAFT.FEEDBACK_DATE, h.feedbackDate())
                .set(PLAN_DRAFT.VERSION, PLAN_DRAFT.VERSION.plus(1))
                .set(PLAN_DRAFT.UPDATED_BY, who).set(PLAN_DRAFT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PLAN_DRAFT.ID.eq(draftId).and(PLAN_DRAFT.VERSION.eq(expectedVersion)))
                .execute() > 0;
    }

    void markPublished(long draftId, long planId, String who, Instant now) {
        db.update(PLAN_DRAFT).set(PLAN_DRAFT.PUBLISHED_PLAN_ID, planId)
                .set(PLAN_DRAFT.PUBLISHED_BY, who).set(PLAN_DRAFT.PUBLISHED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PLAN_DRAFT.VERSION, PLAN_DRAFT.VERSION.plus(1))
                .where(PLAN_DRAFT.ID.eq(draftId)).execute();
    }

    void delete(long draftId) {
        db.deleteFrom(PLAN_DRAFT).where(PLAN_DRAFT.ID.eq(draftId)).execute();
    }

    private void touch(long draftId, String who, Instant now) {
        db.update(PLAN_DRAFT).set(PLAN_DRAFT.UPDATED_BY, who).set(PLAN_DRAFT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(PLAN_DRAFT.ID.eq(draftId)).execute();
    }

    private Condition visibleFrom(String scopePath) {
        if (scopePath == null) {
            return DSL.noCondition();
        }
        return PLAN_DRAFT.OWNER_UNIT_ID.in(db.select(UNITS_DIRECTORY.ID).from(UNITS_DIRECTORY).where(UnitPaths.within(UNITS_DIRECTORY.PATH, scopePath)));
    }

    private List<StoredCard> cards(long draftId) {
        return db.selectFrom(PLAN_DRAFT_TASK).where(PLAN_DRAFT_TASK.DRAFT_ID.eq(draftId))
                .orderBy(PLAN_DRAFT_TASK.POSITION, PLAN_DRAFT_TASK.ID)
                .fetch(r -> new StoredCard(r.getId(), r.getVersion(), r.getPosition(),
                        JSON.readValue(r.getContent().data(), DraftCard.class), r.getUpdatedBy(), r.getUpdatedAt()));
    }

    private static StoredDraft draft(Record r, List<StoredCard> cards) {
        PlanHeader header = new PlanHeader(r.get(PLAN_DRAFT.INSPECTION_NAME), r.get(PLAN_DRAFT.INSPECTION_TEAM),
                r.get(PLAN_DRAFT.FEEDBACK_DATE), r.get(PLAN_DRAFT.PLAN_TITLE), r.get(PLAN_DRAFT.ISSUING_BODY),
                r.get(PLAN_DRAFT.ISSUED_ON));
        return new StoredDraft(r.get(PLAN_DRAFT.ID), r.get(PLAN_DRAFT.VERSION),
                SourceKind.valueOf(r.get(PLAN_DRAFT.SOURCE_KIND)), r.get(PLAN_DRAFT.SOURCE_NAME),
                r.get(PLAN_DRAFT.SOURCE_TEXT), r.get(PLAN_DRAFT.PARSED_TITLE), header,
                JSON.readValue(r.get(PLAN_DRAFT.WARNINGS).data(), WARNINGS), r.get(PLAN_DRAFT.OWNER_UNIT_ID),
                r.get(PLAN_DRAFT.CREATED_BY), r.get(PLAN_DRAFT.CREATED_AT), r.get(PLAN_DRAFT.UPDATED_BY),
                r.get(PLAN_DRAFT.UPDATED_AT), r.get(PLAN_DRAFT.PUBLISHED_PLAN_ID), r.get(PLAN_DRAFT.PUBLISHED_BY),
                r.get(PLAN_DRAFT.PUBLISHED_AT), cards);
    }

    private static JSONB json(DraftCard card) {
        return JSONB.valueOf(JSON.writeValueAsString(card));
    }
}
