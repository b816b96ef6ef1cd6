package org.rectify.intake;

import org.rectify.platform.InvalidInputException;

/** A draft cannot be published while some unit it names is not in the unit tree. */
public class UnresolvedMentions extends InvalidInputException {

    public UnresolvedMentions(String mentions) {
        super("intake.unresolvedMentions", mentions);
    }
}
