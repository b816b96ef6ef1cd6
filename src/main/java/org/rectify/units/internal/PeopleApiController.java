package org.rectify.units.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.platform.NotFoundException;
import org.rectify.units.People;
import org.rectify.units.Person;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators read a person (a task's responsible person) and set the address their notifications are
 * mailed to. Persons are otherwise recorded from the task form.
 */
@RestController
class PeopleApiController {

    private final People people;

    PeopleApiController(People people) {
        this.people = people;
    }

    @GetMapping("/api/admin/people/{id}")
    @Operation(summary = "A person named in a plan, with phone and email (administrators only)")
    Person get(@PathVariable long id) {
        return people.find(id).orElseThrow(() -> new NotFoundException("person.notFound", id));
    }

    @PutMapping("/api/admin/people/{id}/email")
    @Operation(summary = "Set (or with a blank, remove) the email address a person's notifications are mailed to")
    Person email(@PathVariable long id, @RequestBody EmailChange change) {
        return people.setEmail(id, change.email());
    }

    /** The body of an email change. */
    record EmailChange(String email) {
    }
}
