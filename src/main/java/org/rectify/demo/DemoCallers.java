package org.rectify.demo;

import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.units.Unit;
import org.rectify.units.Units;

import java.util.HashMap;
import java.util.Map;

/**
 * Who acts in the demo's story: the demo accounts where one exists (so their inboxes and to-do lists show what they
 * did and what waits on them), and for the other lead units a staff member and a head of that unit, named 演示.
 */
final class DemoCallers {

    private final Units units;
    private final Map<String, Long> accountIds;
    private final long cityId;
    /** The units read so far: the story asks about the same units for every report it replays. */
    private final Map<Long, Unit> seen = new HashMap<>();

    DemoCallers(Units units, Map<String, Long> accountIds, long cityId) {
        this.units = units;
        this.accountIds = accountIds;
        this.cityId = cityId;
    }

    /** Loads what no account does: the unit tree, the plan text. */
    Caller loader() {
        return new Caller(0, "demo", "演示数据", cityId, "临沧市", Role.ADMIN, DataScope.ALL);
    }

    Caller office() {
        return city("office", "演示·市督察整改办", Role.OFFICE);
    }

    Caller supervisor() {
        return city("supervisor", "演示·市委督查室", Role.SUPERVISOR);
    }

    Caller leader() {
        return city("leader", "演示·分管副市长", Role.LEADER);
    }

    /** The unit's staff: the demo account of 市环境保护局, else a stand-in for the unit's own. */
    Caller staffOf(long unitId) {
        return ofUnit(unitId, Role.UNIT_STAFF, "epb-staff", "演示·市环保局经办人", "演示·经办人");
    }

    Caller headOf(long unitId) {
        return ofUnit(unitId, Role.UNIT_HEAD, "epb-head", "演示·市环保局负责人", "演示·负责人");
    }

    boolean isEpb(long unitId) {
        return unit(unitId).name().equals("市环境保护局");
    }

    private Caller ofUnit(long unitId, Role role, String epbAccount, String epbName, String standIn) {
        Unit unit = unit(unitId);
        boolean epb = isEpb(unitId);
        return new Caller(epb ? accountIds.get(epbAccount) : 0, epb ? epbAccount : "demo", epb ? epbName : standIn,
                unitId, unit.name(), role, DataScope.ofUnit(unit.path()));
    }

    private Caller city(String username, String name, Role role) {
        return new Caller(accountIds.get(username), username, name, cityId, "临沧市", role,
                DataScope.ofJurisdiction(unit(cityId).path()));
    }

    private Unit unit(long id) {
        return seen.computeIfAbsent(id, units::get);
    }
}
