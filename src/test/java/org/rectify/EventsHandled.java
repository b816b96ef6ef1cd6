package org.rectify;

import org.springframework.modulith.events.core.EventPublicationRegistry;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Something positive to wait for, instead of polling for a listener's effect or asserting what a listener did not
 * do: every publication of the matching events is completed in Modulith's event publication registry, i.e. all their
 * {@code @ApplicationModuleListener}s have run and committed. A publication is registered in the publisher's
 * transaction, so once the stimulus has returned, "none incomplete" means "all handled". Use with
 * {@code Scenario.andWaitForStateChange(handled.of(…), Boolean.TRUE::equals)}.
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

    /**
     * True once every event about these tasks (any event record with a {@code taskId}, or {@code taskIds} naming one of
     * them) has been handled.
     */
    public Supplier<Boolean> about(Collection<Long> taskIds) {
        return of(Record.class, event -> taskIds.contains(taskId(event))
                || component(event, "taskIds") instanceof Collection<?> ids && ids.stream().anyMatch(taskIds::contains));
    }

    public Supplier<Boolean> about(Long... taskIds) {
        return about(List.of(taskIds));
    }

    private static Long taskId(Record event) {
        return component(event, "taskId") instanceof Number id ? id.longValue() : null;
    }

    private static Object component(Record event, String name) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        return Arrays.stream(components).filter(c -> c.getName().equals(name)).findFirst().map(c -> {
            try {
                return c.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(null);
    }
}
