package org.rectify.access.internal;

import org.jooq.DSLContext;
import org.rectify.access.Accounts;
import org.rectify.access.NewAccount;
import org.rectify.access.Role;
import org.rectify.units.NewUnit;
import org.rectify.units.UnitAdministration;
import org.rectify.units.UnitLevel;
import org.rectify.units.UnitReference;
import org.rectify.units.UnitType;
import org.rectify.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.rectify.access.internal.db.Tables.ACCOUNT;

/**
 * The first login of a real installation: when the database has no account yet and
 * {@code rectify.bootstrap.admin-password} is given (e.g. as the environment variable
 * RECTIFY_BOOTSTRAP_ADMIN_PASSWORD), creates an administrator bound to the root unit, creating that unit
 * if the tree is empty. Nothing happens once any account exists, so the password can be removed after.
 * Decided when it runs, not by a condition on the bean: the start with the build's bean definitions
 * ({@code platform.AheadOfTimeStart}) has the beans the build saw, whatever the password.
 */
@Component
@org.springframework.core.annotation.Order(100) // the demo loads before a first administrator is considered
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final DSLContext db;
    private final Accounts accounts;
    private final Units units;
    private final UnitAdministration unitAdministration;
    private final String username;
    private final String password;
    private final String rootUnit;

    FirstAdministrator(DSLContext db, Accounts accounts, Units units, UnitAdministration unitAdministration,
                       @Value("${rectify.bootstrap.admin-username:admin}") String username,
                       @Value("${rectify.bootstrap.admin-password:}") String password,
                       @Value("${rectify.bootstrap.root-unit:本级}") String rootUnit) {
        this.db = db;
        this.accounts = accounts;
        this.units = units;
        this.unitAdministration = unitAdministration;
        this.username = username;
        this.password = password;
        this.rootUnit = rootUnit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (password.isEmpty() || db.fetchExists(ACCOUNT)) {
            return;
        }
        long unitId = units.resolve(rootUnit).filter(UnitReference.OfUnit.class::isInstance).map(UnitReference::id)
                .orElseGet(() -> unitAdministration.create(new NewUnit(null, rootUnit, UnitLevel.CITY, UnitType.REGION)).id());
        accounts.create(new NewAccount(username, password, username, unitId, Role.ADMIN));
        log.info("Created the first administrator '{}' at unit {}", username, rootUnit);
    }
}
