package org.rectify.supervision;

import org.rectify.platform.NotFoundException;

public class ProposalNotFound extends NotFoundException {

    public ProposalNotFound(long id) {
        super("supervision.proposal.notFound");
    }
}
