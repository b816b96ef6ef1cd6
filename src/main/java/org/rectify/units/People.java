package org.rectify.units;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.platform.EmailAddress;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.jooq.impl.DSL.noCondition;
import static org.rectify.units.internal.db.Tables.PERSON;

/** The people named in plans. One person is found again by name within a unit rather than duplicated. */
@Service
@Transactional
public class People {

    private final DSLContext db;
    private final org.springframework.context.ApplicationEventPublisher events;

    People(DSLContext db, org.springframework.context.ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(long id) {
        return db.selectFrom(PERSON).where(PERSON.ID.eq(id))
                .fetchOptional(r -> new Person(r.getId(), r.getName(), r.getPost(), r.getUnitId(), r.getPhone(), r.getEmail()));
    }

    /** The person of this name in this unit, updated with the post and phone given, or a new one. */
    public Person record(String name, String post, Long unitId, String phone) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException(Map.of("responsibleName", "person.nameRequired"), "person.nameRequired");
        }
        Optional<Long> existing = db.select(PERSON.ID).from(PERSON)
                .where(PERSON.NAME.eq(n).and(unitId == null ? PERSON.UNIT_ID.isNull() : PERSON.UNIT_ID.eq(unitId)))
                .limit(1).fetchOptional(PERSON.ID);
        long id = existing.orElseGet(() -> db.insertInto(PERSON).set(PERSON.NAME, n).set(PERSON.UNIT_ID, unitId)
                .returning(PERSON.ID).fetchOne(PERSON.ID));
        db.update(PERSON).set(PERSON.POST, blankToNull(post)).set(PERSON.PHONE, blankToNull(phone))
                .where(PERSON.ID.eq(id)).execute();
        // the phone number stays out of the audit log, which keeps everything for good
        events.publishEvent(UnitsChanged.of("person.recorded", "person:" + id, "name", n, "post", blankToNull(post),
                "unitId", unitId, "phoneGiven", blankToNull(phone) != null));
        return find(id).orElseThrow();
    }

    /** Sets (or with a blank, removes) the address the person's notifications are mailed to. */
    public Person setEmail(long personId, String email) {
        String normalized = EmailAddress.normalize(email, "email");
        if (db.update(PERSON).set(PERSON.EMAIL, normalized).where(PERSON.ID.eq(personId)).execute() == 0) {
            throw new NotFoundException("person.notFound", personId);
        }
        events.publishEvent(UnitsChanged.of("person.email-set", "person:" + personId, "email", normalized));
        return find(personId).orElseThrow();
    }

    /** People whose name, post or unit name contains {@code text} (all when blank), by unit and name. */
    @Transactional(readOnly = true)
    public List<PersonView> search(String text, int limit) {
        var unit = org.rectify.units.internal.db.Tables.UNIT;
        Condition matches = text == null || text.isBlank() ? noCondition()
                : PERSON.NAME.contains(text.strip()).or(PERSON.POST.contains(text.strip())).or(unit.NAME.contains(text.strip()));
        return db.select(PERSON.ID, PERSON.NAME, PERSON.POST, PERSON.PHONE, PERSON.EMAIL, unit.NAME)
                .from(PERSON).leftJoin(unit).on(unit.ID.eq(PERSON.UNIT_ID))
                .where(matches).orderBy(unit.PATH.nullsLast(), PERSON.NAME).limit(limit)
                .fetch(r -> new PersonView(r.value1(), r.value2(), r.value3(), r.value6(), r.value4(), r.value5()));
    }

    /** The email addresses of those of these people who have one. */
    @Transactional(readOnly = true)
    public Map<Long, String> emails(Collection<Long> personIds) {
        return db.select(PERSON.ID, PERSON.EMAIL).from(PERSON)
                .where(PERSON.ID.in(personIds).and(PERSON.EMAIL.isNotNull())).fetchMap(PERSON.ID, PERSON.EMAIL);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
