package org.rectify.progress;

import org.rectify.platform.NotFoundException;

/** No such evidence, or it belongs to a report outside the caller's scope. */
public class EvidenceNotFound extends NotFoundException {

    public EvidenceNotFound(Object id) {
        super("progress.evidence.notFound", id);
    }
}
