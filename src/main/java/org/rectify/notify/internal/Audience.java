package org.rectify.notify.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who a message is for: accounts (inbox and their email), persons without an account (a task's
 * responsible person: their email), and the units concerned (the webhooks whose scope covers them).
 */
public record Audience(Set<Long> accountIds, Set<Long> personIds, Set<Long> unitIds) {

    public Audience {
        accountIds = Set.copyOf(accountIds);
        personIds = Set.copyOf(personIds);
        unitIds = Set.copyOf(unitIds);
    }

    public static Audience accounts(Collection<Long> accountIds) {
        return new Audience(new LinkedHashSet<>(accountIds), Set.of(), Set.of());
    }

    /** The same audience and this person (null: nobody more). */
    public Audience andPerson(Long personId) {
        if (personId == null) {
            return this;
        }
        Set<Long> persons = new LinkedHashSet<>(personIds);
        persons.add(personId);
        return new Audience(accountIds, persons, unitIds);
    }

    /** The same audience, concerning these units too. */
    public Audience concerning(Collection<Long> units) {
        Set<Long> all = new LinkedHashSet<>(unitIds);
        all.addAll(units);
        return new Audience(accountIds, personIds, all);
    }
}
