package org.rectify.units;

import org.jooq.DSLContext;
import org.rectify.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.Optional;

import static org.rectify.db.Tables.PERSON;

/** The people named in plans. One person is found again by name within a unit rather than duplicated. */
@Service
@Transactional
public class People {

    private final DSLContext db;

    People(DSLContext db) {
        this.db = db;
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(long id) {
        return db.selectFrom(PERSON).where(PERSON.ID.eq(id))
                .fetchOptional(r -> new Person(r.getId(), r.getName(), r.getPost(), r.getUnitId(), r.getPhone()));
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
        return find(id).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
