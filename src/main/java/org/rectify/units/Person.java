package org.rectify.units;

/**
 * A named person, e.g. a task's responsible person. The phone and email are for the office and the
 * notifications only, never public.
 */
public record Person(long id, String name, String post, Long unitId, String phone, String email) {
}
