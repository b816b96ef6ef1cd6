package org.rectify.units;

/** A named person, e.g. a task's responsible person. The phone is for the office only, never public. */
public record Person(long id, String name, String post, Long unitId, String phone) {
}
