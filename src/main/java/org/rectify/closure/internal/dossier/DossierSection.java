package org.rectify.closure.internal.dossier;

import org.rectify.access.Caller;
import org.rectify.plans.TaskDetail;

import java.util.Optional;

/**
 * One part of a task's dossier (一案一档): a fragment of the index and the files it links to. Each part of the
 * record (the task, its reports, notices, instructions, ledger, accountability, and later the closure attempts and
 * look-backs) is one Spring bean implementing this; the dossier puts them in {@link #position} order.
 */
public interface DossierSection {

    /** Where the part goes in the index, lower first (task 10, reports 20, notices 30, …). */
    int position();

    /**
     * The part as the caller may see it, read through the owning module's API with the caller's scope; empty when
     * there is nothing to show or the caller may not see this kind of record. Must give the same part for the same
     * state: rows in a fixed order, no time of its own.
     */
    Optional<DossierPart> part(TaskDetail task, Caller caller);
}
