package org.rectify.progress.internal;

import org.rectify.access.Caller;

/** Where the progress pages start for a caller: a unit at what it owes this cycle, the others at the matrix. */
final class ProgressHome {

    private ProgressHome() {
    }

    static String of(Caller caller) {
        return caller.role().isUnitRole() ? "/progress/due" : "/progress/matrix";
    }
}
