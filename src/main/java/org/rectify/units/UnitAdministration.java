package org.rectify.units;

import org.jooq.DSLContext;
import org.rectify.platform.ConflictException;
import org.rectify.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.substring;
import static org.jooq.impl.DSL.val;
import static org.rectify.units.internal.db.Tables.UNIT;
import static org.rectify.units.internal.db.Tables.UNIT_ALIAS;
import static org.rectify.units.internal.db.Tables.UNIT_GROUP;
import static org.rectify.units.internal.db.Tables.UNIT_GROUP_MEMBER;

/** Changing the unit tree: add, rename, move, alias and group units. Each name designates one unit. */
@Service
@Transactional
public class UnitAdministration {

    private final DSLContext db;
    private final Units units;
    private final ApplicationEventPublisher events;

    UnitAdministration(DSLContext db, Units units, ApplicationEventPublisher events) {
        this.db = db;
        this.units = units;
        this.events = events;
    }

    public Unit create(NewUnit unit) {
        String name = requireName(unit.name());
        requireFree(name);
        String parentPath = unit.parentId() == null ? "/" : units.get(unit.parentId()).path();
        long id = db.insertInto(UNIT)
                .set(UNIT.PARENT_ID, unit.parentId()).set(UNIT.NAME, name)
                .set(UNIT.LEVEL, unit.level().name()).set(UNIT.TYPE, unit.type().name())
                .set(UNIT.SORT_ORDER, unit.sortOrder()).set(UNIT.VALID_FROM, unit.validFrom())
                .set(UNIT.PATH, "pending:" + System.nanoTime())
                .returning(UNIT.ID).fetchOne(UNIT.ID);
        db.update(UNIT).set(UNIT.PATH, parentPath + id + "/").where(UNIT.ID.eq(id)).execute();
        events.publishEvent(UnitsChanged.of("unit.created", "unit:" + id, "unit", unit));
        return units.get(id);
    }

    public Unit rename(long id, String newName, int expectedVersion) {
        Unit unit = units.get(id);
        String name = requireName(newName);
        if (name.equals(unit.name())) {
            return unit;
        }
        requireFree(name, id);
        int updated = db.update(UNIT).set(UNIT.NAME, name).set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .where(UNIT.ID.eq(id).and(UNIT.VERSION.eq(expectedVersion))).execute();
        if (updated == 0) {
            throw new ConflictException("error.staleVersion");
        }
        db.deleteFrom(UNIT_ALIAS).where(UNIT_ALIAS.ALIAS.eq(name)).execute();
        db.insertInto(UNIT_ALIAS).set(UNIT_ALIAS.UNIT_ID, id).set(UNIT_ALIAS.ALIAS, unit.name()).execute();
        events.publishEvent(new UnitRenamed(id, unit.name(), name));
        return units.get(id);
    }

    /** Moves a unit with its whole subtree under another parent (null: to the top). */
    public Unit move(long id, Long newParentId) {
        Unit unit = units.get(id);
        String newParentPath = "/";
        if (newParentId != null) {
            Unit parent = units.get(newParentId);
            if (unit.contains(parent)) {
                throw new InvalidInputException(Map.of("parentId", "unit.moveIntoItself"), "unit.moveIntoItself");
            }
            newParentPath = parent.path();
        }
        String newPath = newParentPath + id + "/";
        db.update(UNIT)
                .set(UNIT.PATH, val(newPath).concat(substring(UNIT.PATH, inline(unit.path().length() + 1))))
                .where(UNIT.PATH.startsWith(unit.path())).execute();
        db.update(UNIT).set(UNIT.PARENT_ID, newParentId).set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .where(UNIT.ID.eq(id)).execute();
        events.publishEvent(UnitsChanged.of("unit.moved", "unit:" + id, "fromParentId", unit.parentId(),
                "toParentId", newParentId));
        return units.get(id);
    }

    public void addAlias(long unitId, String alias) {
        units.get(unitId);
        String name = requireName(alias);
        requireFree(name);
        db.insertInto(UNIT_ALIAS).set(UNIT_ALIAS.UNIT_ID, unitId).set(UNIT_ALIAS.ALIAS, name).execute();
        events.publishEvent(UnitsChanged.of("unit.alias-added", "unit:" + unitId, "alias", name));
    }

    public void removeAlias(long unitId, String alias) {
        if (db.deleteFrom(UNIT_ALIAS).where(UNIT_ALIAS.UNIT_ID.eq(unitId).and(UNIT_ALIAS.ALIAS.eq(alias))).execute() > 0) {
            events.publishEvent(UnitsChanged.of("unit.alias-removed", "unit:" + unitId, "alias", alias));
        }
    }

    public UnitGroup createGroup(String groupName, String description, Collection<Long> memberIds) {
        String name = requireName(groupName);
        requireFree(name);
        long id = db.insertInto(UNIT_GROUP).set(UNIT_GROUP.NAME, name).set(UNIT_GROUP.DESCRIPTION, description)
                .returning(UNIT_GROUP.ID).fetchOne(UNIT_GROUP.ID);
        events.publishEvent(UnitsChanged.of("group.created", "group:" + id, "name", name, "description", description));
        setMembers(id, memberIds);
        return units.group(id);
    }

    public UnitGroup setMembers(long groupId, Collection<Long> memberIds) {
        units.group(groupId);
        memberIds.forEach(units::get);
        db.deleteFrom(UNIT_GROUP_MEMBER).where(UNIT_GROUP_MEMBER.GROUP_ID.eq(groupId)).execute();
        for (Long member : memberIds) {
            db.insertInto(UNIT_GROUP_MEMBER).set(UNIT_GROUP_MEMBER.GROUP_ID, groupId)
                    .set(UNIT_GROUP_MEMBER.UNIT_ID, member).onConflictDoNothing().execute();
        }
        events.publishEvent(UnitsChanged.of("group.members-set", "group:" + groupId,
                "memberIds", memberIds.stream().distinct().sorted().toList()));
        return units.group(groupId);
    }

    /**
     * Renames (the old name stays an alias) and reclassifies in one step; refused with 409 when the unit
     * changed since the caller read {@code expectedVersion}.
     */
    public Unit update(long id, String newName, UnitLevel level, UnitType type, int expectedVersion) {
        if (units.get(id).version() != expectedVersion) {
            throw new ConflictException("error.staleVersion");
        }
        Unit renamed = rename(id, newName, expectedVersion);
        if (level == renamed.level() && type == renamed.type()) {
            return renamed;
        }
        int updated = db.update(UNIT).set(UNIT.LEVEL, level.name()).set(UNIT.TYPE, type.name())
                .set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .where(UNIT.ID.eq(id).and(UNIT.VERSION.eq(renamed.version()))).execute();
        if (updated == 0) {
            throw new ConflictException("error.staleVersion");
        }
        events.publishEvent(UnitsChanged.of("unit.reclassified", "unit:" + id, "level", level, "type", type));
        return units.get(id);
    }

    /** Sets a unit's level and type (a tree import that corrects them). */
    public Unit reclassify(long id, UnitLevel level, UnitType type) {
        Unit unit = units.get(id);
        if (level != unit.level() || type != unit.type()) {
            db.update(UNIT).set(UNIT.LEVEL, level.name()).set(UNIT.TYPE, type.name())
                    .set(UNIT.VERSION, UNIT.VERSION.plus(1)).where(UNIT.ID.eq(id)).execute();
            events.publishEvent(UnitsChanged.of("unit.reclassified", "unit:" + id, "level", level, "type", type));
        }
        return units.get(id);
    }

    /**
     * Sets the dates a unit exists between. A {@code validTo} retires the unit and frees its name for a
     * successor; a unit with current sub-units cannot be retired, and clearing {@code validTo} needs the
     * name to be free again.
     */
    public Unit setValidity(long id, LocalDate validFrom, LocalDate validTo) {
        Unit unit = units.get(id);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new InvalidInputException(Map.of("validTo", "unit.validityOrder"), "unit.validityOrder");
        }
        if (validTo != null && unit.isCurrent() && db.fetchExists(UNIT,
                UNIT.PARENT_ID.eq(id).and(UNIT.VALID_TO.isNull()))) {
            throw new InvalidInputException(Map.of("validTo", "unit.retireHasChildren"), "unit.retireHasChildren",
                    unit.name());
        }
        if (validTo == null && !unit.isCurrent()) {
            requireFree(unit.name(), id);
        }
        db.update(UNIT).set(UNIT.VALID_FROM, validFrom).set(UNIT.VALID_TO, validTo)
                .set(UNIT.VERSION, UNIT.VERSION.plus(1)).where(UNIT.ID.eq(id)).execute();
        events.publishEvent(UnitsChanged.of("unit.validity-set", "unit:" + id, "validFrom", validFrom, "validTo", validTo));
        return units.get(id);
    }

    /** Retires a unit as of a date (撤销, or merged into another): it stays in the history, its name is freed. */
    public Unit retire(long id, LocalDate validTo) {
        if (validTo == null) {
            throw new InvalidInputException(Map.of("validTo", "unit.retireDateRequired"), "unit.retireDateRequired");
        }
        return setValidity(id, units.get(id).validFrom(), validTo);
    }

    /** Renames a group and sets its description; members stay. */
    public UnitGroup updateGroup(long groupId, String groupName, String description) {
        UnitGroup group = units.group(groupId);
        String name = requireName(groupName);
        if (!name.equals(group.name())) {
            requireFree(name);
        }
        db.update(UNIT_GROUP).set(UNIT_GROUP.NAME, name)
                .set(UNIT_GROUP.DESCRIPTION, description == null || description.isBlank() ? null : description.strip())
                .where(UNIT_GROUP.ID.eq(groupId)).execute();
        events.publishEvent(UnitsChanged.of("group.updated", "group:" + groupId, "name", name, "description", description));
        return units.group(groupId);
    }

    private static String requireName(String name) {
        String canonical = UnitNames.canonical(name);
        if (canonical.isEmpty()) {
            throw new InvalidInputException(Map.of("name", "unit.nameRequired"), "unit.nameRequired");
        }
        if (canonical.length() > 100) {
            throw new InvalidInputException(Map.of("name", "unit.nameTooLong"), "unit.nameTooLong");
        }
        return canonical;
    }

    /** A name, alias or group name may designate only one thing, or resolution would be a guess. */
    private void requireFree(String name) {
        requireFree(name, null);
    }

    /** As above, but the unit {@code ownerId} may keep (or take back) a name that is already its own. */
    private void requireFree(String name, Long ownerId) {
        Optional<UnitReference> taken = units.resolve(name);
        if (taken.isPresent() && !(ownerId != null && taken.get() instanceof UnitReference.OfUnit unit
                && unit.id() == ownerId)) {
            throw new InvalidInputException(Map.of("name", "unit.nameTaken"), "unit.nameTaken", name);
        }
        // a retired unit's aliases no longer resolve, but stay its own (aliases are unique)
        boolean aliasOfOther = db.fetchExists(UNIT_ALIAS, UNIT_ALIAS.ALIAS.eq(name)
                .and(ownerId == null ? org.jooq.impl.DSL.noCondition() : UNIT_ALIAS.UNIT_ID.ne(ownerId)));
        if (aliasOfOther) {
            throw new InvalidInputException(Map.of("name", "unit.nameTaken"), "unit.nameTaken", name);
        }
    }
}
