package org.rectify.closure;

import org.rectify.access.Caller;
import org.rectify.closure.internal.dossier.DossierAssembly;
import org.rectify.plans.TaskLedger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The case dossier (一案一档) of a task: one ZIP with an index (HTML in Chinese, printable on A4) of everything
 * recorded on the task that the caller may see, and every evidence file with its SHA-256 and size. The same state
 * gives the same bytes, so the ZIP's hash can be cited.
 */
@Service
public class Dossiers {

    /** A dossier ready to be written: what it holds was read and checked; only file contents remain to be streamed. */
    public interface Dossier {

        /** {@code 一案一档-<plan ref>.zip}, as the download offers it. */
        String fileName();

        /** Writes the ZIP; reads each evidence file as a stream while writing it. Does not close {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private final TaskLedger tasks;
    private final DossierAssembly assembly;

    Dossiers(TaskLedger tasks, DossierAssembly assembly) {
        this.tasks = tasks;
        this.assembly = assembly;
    }

    /**
     * Reads the task's record as the caller may see it, in one snapshot of the database; a task outside the caller's
     * scope is not found (404).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dossier prepare(long taskId, Caller caller) {
        return assembly.assemble(tasks.get(taskId, caller.scope()), caller);
    }
}
