package org.rectify.units;

/** A person as the people page lists them: with their unit's name. */
public record PersonView(long id, String name, String post, String unitName, String phone, String email) {
}
