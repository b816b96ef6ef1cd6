package org.rectify.units;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.rectify.platform.RenderedStatements;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.max;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.rectify.units.internal.db.Tables.UNIT_ALIAS;
import static org.rectify.units.internal.db.Tables.UNIT_GROUP;
import static org.rectify.units.internal.db.Tables.UNIT_GROUP_MEMBER;

/** Reading the unit tree, and resolving the names plans write units by. */
@Service
@Transactional(readOnly = true)
public class Units {

    /** The id a unit is read by, bound at each read ({@link RenderedStatements#sqlById}). */
    private static final Param<Long> ID = DSL.param("id", Long.class);

    private final DSLContext db;
    private final RenderedStatements statements;

    Units(DSLContext db, RenderedStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    public Unit get(long id) {
        return find(id).orElseThrow(() -> new UnitNotFound(id));
    }

    public Optional<Unit> find(long id) {
        // rendered once (every command reads a unit or two: a report's, the caller's), the id bound each time
        return db.resultQuery(statements.sqlById("unit", () -> db.selectFrom(UNIT).where(UNIT.ID.eq(ID))), id)
                .coerce(UNIT).fetchOptional(Units::toUnit);
    }

    /** The whole tree in depth-first order (siblings by sort order, then name). */
    public List<Unit> tree() {
        var rows = db.selectFrom(UNIT).fetch(); // one read: the sort keys come from the same rows
        Map<Long, UnitTreeOrder.Key> keys = new java.util.HashMap<>();
        rows.forEach(r -> keys.put(r.getId(), new UnitTreeOrder.Key(r.getSortOrder(), r.getName())));
        return rows.stream().map(Units::toUnit).sorted(UnitTreeOrder.comparator(keys)).toList();
    }

    public List<Unit> subtree(long rootId) {
        Unit root = get(rootId);
        return tree().stream().filter(root::contains).toList();
    }

    /** The current units directly under {@code parentId} (the roots when null). */
    public List<Unit> children(Long parentId) {
        return db.selectFrom(UNIT).where((parentId == null ? UNIT.PARENT_ID.isNull() : UNIT.PARENT_ID.eq(parentId)).and(UNIT.VALID_TO.isNull()))
                .orderBy(UNIT.ID).fetch(Units::toUnit);
    }

    public Map<Long, String> names(Collection<Long> ids) {
        return db.select(UNIT.ID, UNIT.NAME).from(UNIT).where(UNIT.ID.in(ids)).fetchMap(UNIT.ID, UNIT.NAME);
    }

    /** The materialised paths of these units (a unit is within another when its path starts with the other's), by id. */
    public Map<Long, String> paths(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : db.select(UNIT.ID, UNIT.PATH).from(UNIT).where(UNIT.ID.in(ids)).fetchMap(UNIT.ID, UNIT.PATH);
    }

    public List<String> aliases(long unitId) {
        return db.select(UNIT_ALIAS.ALIAS).from(UNIT_ALIAS).where(UNIT_ALIAS.UNIT_ID.eq(unitId))
                .orderBy(UNIT_ALIAS.ALIAS).fetch(UNIT_ALIAS.ALIAS);
    }

    /** Every unit's aliases, by unit id (units without aliases are absent). */
    public Map<Long, List<String>> aliasesByUnit() {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        db.select(UNIT_ALIAS.UNIT_ID, UNIT_ALIAS.ALIAS).from(UNIT_ALIAS).orderBy(UNIT_ALIAS.UNIT_ID, UNIT_ALIAS.ALIAS)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return out;
    }

    /** The sort order that puts a new unit after its siblings-to-be under this parent (null: the roots). */
    public int nextSortOrder(Long parentId) {
        Integer last = db.select(max(UNIT.SORT_ORDER)).from(UNIT)
                .where(parentId == null ? UNIT.PARENT_ID.isNull() : UNIT.PARENT_ID.eq(parentId))
                .fetchOne(0, Integer.class);
        return last == null ? 1 : last + 1;
    }

    /**
     * What a written name designates: a current unit of that name, else a unit with that alias, else a
     * group of that name. Full-width and ASCII parentheses are the same to the reader, so to us.
     */
    public Optional<UnitReference> resolve(String writtenName) {
        String name = UnitNames.canonical(writtenName);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<UnitReference> unit = db.select(UNIT.ID, UNIT.NAME).from(UNIT)
                .where(UNIT.NAME.eq(name).and(UNIT.VALID_TO.isNull()))
                .fetchOptional(r -> new UnitReference.OfUnit(r.value1(), r.value2()));
        if (unit.isPresent()) {
            return unit;
        }
        Optional<UnitReference> alias = db.select(UNIT.ID, UNIT.NAME).from(UNIT_ALIAS).join(UNIT).on(UNIT.ID.eq(UNIT_ALIAS.UNIT_ID))
                .where(UNIT_ALIAS.ALIAS.eq(name).and(UNIT.VALID_TO.isNull()))
                .fetchOptional(r -> new UnitReference.OfUnit(r.value1(), r.value2()));
        if (alias.isPresent()) {
            return alias;
        }
        return db.select(UNIT_GROUP.ID, UNIT_GROUP.NAME).from(UNIT_GROUP).where(UNIT_GROUP.NAME.eq(name))
                .fetchOptional(r -> new UnitReference.OfGroup(r.value1(), r.value2()));
    }

    /**
     * {@link #resolve(String)} for many names in one statement (a plan names hundreds of units): each written name
     * the tree knows, with what it designates; the names it does not know are absent.
     */
    public Map<String, UnitReference> resolveAll(Collection<String> writtenNames) {
        Map<String, List<String>> byCanonical = new LinkedHashMap<>();
        for (String written : writtenNames) {
            String name = UnitNames.canonical(written);
            if (!name.isEmpty()) {
                byCanonical.computeIfAbsent(name, n -> new ArrayList<>()).add(written);
            }
        }
        if (byCanonical.isEmpty()) {
            return Map.of();
        }
        String[] names = byCanonical.keySet().toArray(String[]::new);
        Field<String> asked = DSL.field(DSL.name("asked"), String.class);
        Field<Integer> kind = DSL.field(DSL.name("kind"), Integer.class);
        // a current unit's name first, then an alias, then a group: resolve's order, as 1, 2, 3
        var found = db.select(UNIT.NAME.as(asked), DSL.inline(1).as(kind), UNIT.ID, UNIT.NAME).from(UNIT)
                .where(UNIT.NAME.eq(DSL.any(names)).and(UNIT.VALID_TO.isNull()))
                .unionAll(DSL.select(UNIT_ALIAS.ALIAS, DSL.inline(2), UNIT.ID, UNIT.NAME).from(UNIT_ALIAS)
                        .join(UNIT).on(UNIT.ID.eq(UNIT_ALIAS.UNIT_ID))
                        .where(UNIT_ALIAS.ALIAS.eq(DSL.any(names)).and(UNIT.VALID_TO.isNull())))
                .unionAll(DSL.select(UNIT_GROUP.NAME, DSL.inline(3), UNIT_GROUP.ID, UNIT_GROUP.NAME).from(UNIT_GROUP)
                        .where(UNIT_GROUP.NAME.eq(DSL.any(names))))
                .fetch();
        Map<String, Integer> bestKind = new HashMap<>();
        Map<String, UnitReference> out = new HashMap<>();
        for (Record r : found) {
            String name = r.get(0, String.class);
            int k = r.get(1, Integer.class);
            if (bestKind.getOrDefault(name, Integer.MAX_VALUE) > k) {
                bestKind.put(name, k);
                long id = r.get(2, Long.class);
                String treeName = r.get(3, String.class);
                UnitReference ref = k == 3 ? new UnitReference.OfGroup(id, treeName) : new UnitReference.OfUnit(id, treeName);
                byCanonical.get(name).forEach(written -> out.put(written, ref));
            }
        }
        return out;
    }

    public List<UnitGroup> groups() {
        Map<Long, List<Long>> members = db.select(UNIT_GROUP_MEMBER.GROUP_ID, UNIT_GROUP_MEMBER.UNIT_ID)
                .from(UNIT_GROUP_MEMBER).fetchGroups(UNIT_GROUP_MEMBER.GROUP_ID, UNIT_GROUP_MEMBER.UNIT_ID);
        return db.selectFrom(UNIT_GROUP).orderBy(UNIT_GROUP.NAME)
                .fetch(g -> new UnitGroup(g.getId(), g.getName(), g.getDescription(),
                        members.getOrDefault(g.getId(), List.of())));
    }

    public UnitGroup group(long groupId) {
        return groups().stream().filter(g -> g.id() == groupId).findFirst()
                .orElseThrow(() -> new UnitNotFound(groupId));
    }

    static Unit toUnit(Record r) {
        return new Unit(r.get(UNIT.ID), r.get(UNIT.PARENT_ID), r.get(UNIT.NAME),
                UnitLevel.valueOf(r.get(UNIT.LEVEL)), UnitType.valueOf(r.get(UNIT.TYPE)), r.get(UNIT.PATH),
                r.get(UNIT.VALID_FROM), r.get(UNIT.VALID_TO), r.get(UNIT.VERSION));
    }
}
