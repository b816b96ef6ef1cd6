package org.rectify.intake.parser;

import java.util.Collection;
import java.util.Optional;

/**
 * Looks a unit mention up in the unit tree (names, aliases, groups).
 * An empty answer means the tree does not know the name: the parser then lists the mention for review.
 */
@FunctionalInterface
public interface UnitResolver {

    /** Resolves nothing: every mention ends up listed as unresolved. */
    UnitResolver NONE = (name, group) -> Optional.empty();

    /**
     * @param name  the normalised mention
     * @param group whether the parser took the mention for a group phrase
     * @return the mention with its unitId and group flag as the unit tree knows them, or empty
     */
    Optional<UnitMention> resolve(String name, boolean group);

    /**
     * The names the parser is about to ask for (every mention with the variants its rules may try), so a resolver
     * over a database can read them all at once; one in memory has nothing to do.
     */
    default void prefetch(Collection<String> names) {
    }
}
