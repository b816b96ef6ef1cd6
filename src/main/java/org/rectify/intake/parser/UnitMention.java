package org.rectify.intake.parser;

/**
 * One unit named in a responsibility annotation, after normalisation.
 *
 * @param name   the unit name as the plan means it (level prefix carried over, organ names distributed)
 * @param group  true for phrases that stand for many units (各县区党委, 市级各相关部门, …成员单位)
 * @param unitId the unit in the unit tree, or null when not resolved (or resolved without a database)
 */
public record UnitMention(String name, boolean group, Long unitId) {
}
