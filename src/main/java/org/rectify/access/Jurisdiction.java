package org.rectify.access;

import org.jooq.Condition;
import org.jooq.Field;
import org.rectify.units.UnitPaths;

import java.util.function.Supplier;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.trueCondition;

/**
 * The one rule of "which office" ({@link Caller#governs}) in the two forms the modules need: a check on one
 * object whose owning unit was loaded with it, answering "not found" (never "forbidden": a caller learns
 * nothing of objects outside its jurisdiction); and a condition for the queries that list such objects.
 */
public final class Jurisdiction {

    private Jurisdiction() {
    }

    /** Refuses, with the owning module's own "not found", an object the caller does not govern. */
    public static <E extends RuntimeException> void require(Caller caller, String ownerUnitPath, Supplier<E> notFound) {
        if (!caller.governs(ownerUnitPath)) {
            throw notFound.get();
        }
    }

    /** The rows whose owning unit's path ({@code ownerPath}, a unit's path column) the caller governs. */
    public static Condition over(Caller caller, Field<String> ownerPath) {
        if (caller.scope().isAll()) {
            return trueCondition(); // not noCondition(): that one vanishes when or-ed with another
        }
        if (caller.role().isUnitRole()) {
            return falseCondition();
        }
        return UnitPaths.within(ownerPath, caller.scope().unitPath());
    }
}
