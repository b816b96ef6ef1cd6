package org.rectify.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * A batch action (批量操作): the same command given to several objects, one by one, each through the command a single
 * action uses (its rules, scope check, audit and notifications) and each in its own transaction, so one refused item
 * leaves the others done. Each item's outcome is reported, refusals with their reason in the caller's language.
 */
public final class Batch {

    /** At most this many objects in one batch: a page of the ledger at its largest size. */
    public static final int MAX_ITEMS = 200;

    public enum Outcome { DONE, REFUSED, NOT_FOUND }

    /** One object's outcome; {@code label} is empty for an object the caller cannot see (nothing is revealed). */
    public record Item(long id, String label, Outcome outcome, String reason) {

        public boolean done() {
            return outcome == Outcome.DONE;
        }
    }

    /** What the batch did: {@code action} is the message key of the command given. */
    public record Result(String action, List<Item> items) {

        public long doneCount() {
            return items.stream().filter(Item::done).count();
        }

        public long refusedCount() {
            return items.size() - doneCount();
        }
    }

    private Batch() {
    }

    /**
     * Gives {@code command} to each of {@code ids} (in order, each once), naming each by {@code label} first (which
     * checks that the caller sees it). A batch of nothing, or of more than {@link #MAX_ITEMS}, is refused as a whole;
     * a batch naming only objects the caller cannot see is "not found", as a single action would be.
     */
    public static Result run(String action, Collection<Long> ids, LongFunction<String> label, LongConsumer command,
                             Messages messages) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("batch.noneSelected");
        }
        LinkedHashSet<Long> distinct = new LinkedHashSet<>(ids);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            throw new InvalidInputException("batch.noneSelected");
        }
        if (distinct.size() > MAX_ITEMS) {
            throw new InvalidInputException("batch.tooMany", MAX_ITEMS);
        }
        List<Item> items = new ArrayList<>();
        for (long id : distinct) {
            items.add(one(id, label, command, messages));
        }
        if (items.stream().allMatch(i -> i.outcome() == Outcome.NOT_FOUND)) {
            throw new NotFoundException("error.notFound");
        }
        return new Result(action, List.copyOf(items));
    }

    private static Item one(long id, LongFunction<String> label, LongConsumer command, Messages messages) {
        String name;
        try {
            name = label.apply(id);
        } catch (RectifyException e) {
            return new Item(id, "", Outcome.NOT_FOUND, messages.text("error.notFound"));
        }
        try {
            command.accept(id);
            return new Item(id, name, Outcome.DONE, null);
        } catch (RectifyException e) {
            return new Item(id, name, e.kind() == RectifyException.Kind.NOT_FOUND ? Outcome.NOT_FOUND : Outcome.REFUSED,
                    messages.text(e));
        }
    }
}
