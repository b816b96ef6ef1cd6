package org.rectify.progress;

import org.rectify.platform.InvalidInputException;

import java.util.Map;

/** A file refused as evidence: empty, too large, badly named, executable or of a type not accepted. Nothing is kept. */
public class EvidenceRejected extends InvalidInputException {

    public EvidenceRejected(String messageKey, Object... args) {
        super(Map.of("files", messageKey), messageKey, args);
    }
}
