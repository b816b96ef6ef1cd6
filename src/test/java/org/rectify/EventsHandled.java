package org.rectify;

import org.springframework.modulith.events.core.EventPublicationRegistry;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Something positive to wait for before asserting what a listener did not do: every publication of the matching
 * events is completed in Modulith's event publication registry, i.e. all their {@code @ApplicationModuleListener}s
 * have run and committed. Use with {@code Scenario.andWaitForStateChange(…, Boolean.TRUE::equals)}.
 */
public final class EventsHandled {

    private final EventPublicationRegistry registry;

    public EventsHandled(EventPublicationRegistry registry) {
        this.registry = registry;
    }

    /** True once no publication of an event of this type that matches is still incomplete. */
    public <E> Supplier<Boolean> of(Class<E> type, Predicate<? super E> which) {
        return () -> registry.findIncompletePublications().stream()
                .map(publication -> publication.getEvent())
                .filter(type::isInstance)
                .map(type::cast)
                .noneMatch(which);
    }
}
