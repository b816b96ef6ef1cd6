package org.rectify.plans;

import org.jooq.DSLContext;
import org.rectify.access.DataScope;
import org.rectify.access.Role;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.rectify.access.internal.db.Tables.ACCOUNT;
import static org.rectify.units.internal.db.Tables.UNIT;

/** The data scopes tests compare the ledger's answers for: every account's, and both scopes of every unit. */
final class EveryScope {

    private EveryScope() {
    }

    static Set<DataScope> of(DSLContext db) {
        Set<DataScope> scopes = new LinkedHashSet<>();
        db.select(ACCOUNT.ROLE, UNIT.PATH).from(ACCOUNT).join(UNIT).on(UNIT.ID.eq(ACCOUNT.UNIT_ID)).forEach(r -> {
            Role role = Role.valueOf(r.value1());
            scopes.add(role == Role.ADMIN ? DataScope.ALL
                    : role.isUnitRole() ? DataScope.ofUnit(r.value2()) : DataScope.ofJurisdiction(r.value2()));
        });
        for (String path : db.select(UNIT.PATH).from(UNIT).fetch(UNIT.PATH)) {
            scopes.add(DataScope.ofUnit(path));
            scopes.add(DataScope.ofJurisdiction(path));
        }
        return scopes;
    }
}
