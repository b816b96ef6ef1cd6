package org.rectify.supervision;

import org.rectify.platform.ConflictException;

public class AlreadyOnLedger extends ConflictException {

    public AlreadyOnLedger(String ref) {
        super("supervision.ledger.already", ref);
    }
}
