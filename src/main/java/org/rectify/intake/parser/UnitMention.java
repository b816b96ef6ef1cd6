package org.rectify.intake.parser;

/**
 * One unit named in a responsibility annotation, after normalisation.
 *
 * @param name     the unit name as the plan writes it (level prefix carried over, organ names distributed); never
 *                 rewritten by resolution
 * @param group    true for phrases that stand for many units (各县区党委, 市级各相关部门, …成员单位)
 * @param unitId   the unit in the unit tree, or null when not resolved (or resolved without a database)
 * @param unitName the unit tree's name of what the mention resolved to, or null when not resolved
 * @param rule     which rule matched the written name to the unit tree, or null when not resolved
 */
public record UnitMention(String name, boolean group, Long unitId, String unitName, ResolutionRule rule) {

    public UnitMention(String name, boolean group, Long unitId) {
        this(name, group, unitId, null, null);
    }
}
