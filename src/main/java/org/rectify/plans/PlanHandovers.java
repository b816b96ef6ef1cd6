package org.rectify.plans;

import org.rectify.access.Accounts;
import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * An office hands a plan it runs to another office of its subtree (a city's plan to the county that carries it out):
 * {@link Plans#changeOwner} with the rule of who may and to whom. The receiving unit must be an office's (a unit with
 * an office account); the plan's tasks then lie in that office's reach, and the audit names who handed it over.
 */
@Service
public class PlanHandovers {

    private final Plans plans;
    private final Units units;
    private final Accounts accounts;

    PlanHandovers(Plans plans, Units units, Accounts accounts) {
        this.plans = plans;
        this.units = units;
        this.accounts = accounts;
    }

    /** The offices the caller may hand the plan to: units of its subtree (all for an administrator) with an office. */
    @Transactional(readOnly = true)
    public List<Unit> offices(long planId, Caller caller) {
        mayHandOver(planId, caller);
        Long current = plans.ownerUnitId(planId).orElse(null);
        List<Unit> candidates = units.tree().stream().filter(Unit::isCurrent).filter(u -> caller.governs(u.path()))
                .filter(u -> current == null || u.id() != current).toList();
        java.util.Set<Long> withOffice = accounts.unitsWith(candidates.stream().map(Unit::id).toList(), Role.OFFICE);
        return candidates.stream().filter(u -> withOffice.contains(u.id())).toList();
    }

    /** Hands the plan over; refused in the user's words for a unit outside the caller's subtree or without an office. */
    @Transactional
    public void handOver(long planId, Long ownerUnitId, Caller caller) {
        mayHandOver(planId, caller);
        if (ownerUnitId == null) {
            throw new InvalidInputException(Map.of("ownerUnitId", "plans.owner.required"), "plans.owner.required");
        }
        Unit unit = units.find(ownerUnitId).filter(Unit::isCurrent)
                .orElseThrow(() -> new InvalidInputException(Map.of("ownerUnitId", "plans.owner.required"), "plans.owner.required"));
        if (!caller.governs(unit.path())) {
            throw new InvalidInputException(Map.of("ownerUnitId", "plans.owner.outside"), "plans.owner.outside", unit.name());
        }
        if (!hasOffice(unit.id())) {
            throw new InvalidInputException(Map.of("ownerUnitId", "plans.owner.notOffice"), "plans.owner.notOffice", unit.name());
        }
        plans.changeOwner(planId, unit.id(), caller.signature());
    }

    private void mayHandOver(long planId, Caller caller) {
        plans.governed(planId, caller); // another office's plan is "not found"
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("plans.owner.forbidden");
        }
    }

    private boolean hasOffice(long unitId) {
        return !accounts.unitsWith(List.of(unitId), Role.OFFICE).isEmpty();
    }
}
