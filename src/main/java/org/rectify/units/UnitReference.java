package org.rectify.units;

/** What a name written in a plan designates: one unit, or a group of them. */
public sealed interface UnitReference {

    long id();

    String name();

    record OfUnit(long id, String name) implements UnitReference {
    }

    record OfGroup(long id, String name) implements UnitReference {
    }
}
