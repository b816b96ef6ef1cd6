package org.rectify.supervision;

import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.units.Unit;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The unit that signs a 督办单 or a 通报. Office and supervision accounts sit on their region (their jurisdiction),
 * but a document is signed by the office that issues it: for a supervisor the region's 督查室, for the office the
 * office of the region's inspection leading group (督察工作领导小组办公室). A region without such a unit signs with
 * its own name; an account on any other unit signs with that unit's name.
 */
@Component
class IssuingOffice {

    private final Units units;

    IssuingOffice(Units units) {
        this.units = units;
    }

    String nameFor(Caller caller) {
        Unit own = units.find(caller.unitId()).orElse(null);
        if (own == null || own.type() != UnitType.REGION) {
            return caller.unitName();
        }
        return nameFor(own, units.subtree(own.id()), caller.role());
    }

    /** Pure: {@code own} is a region, {@code subtree} its units in tree order. */
    static String nameFor(Unit own, List<Unit> subtree, Role role) {
        List<Unit> offices = subtree.stream().filter(u -> u.type() == UnitType.OFFICE && u.level() == own.level()).toList();
        if (role == Role.SUPERVISOR) {
            return offices.stream().filter(u -> u.name().endsWith("督查室")).findFirst().map(Unit::name).orElse(own.name());
        }
        List<Unit> groupOffices = offices.stream().filter(u -> subtree.stream().anyMatch(g -> g.type() == UnitType.GROUP
                && u.parentId() != null && u.parentId() == g.id() && g.parentId() != null && g.parentId() == own.id())).toList();
        return groupOffices.stream().filter(u -> u.name().contains("督察")).findFirst()
                .or(() -> groupOffices.size() == 1 ? groupOffices.stream().findFirst() : java.util.Optional.empty())
                .map(Unit::name).orElse(own.name());
    }
}
