package org.rectify.progress;

import org.rectify.platform.GoneException;

/** A reporting cycle no longer there: a link kept from before the office changed the cadence, which remade the cycles. */
public class CycleGone extends GoneException {

    public CycleGone(long cycleId) {
        super("progress.cycle.notFound", cycleId);
    }
}
