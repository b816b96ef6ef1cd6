package org.rectify.plans;

import org.rectify.platform.NotFoundException;

public class PlanNotFound extends NotFoundException {

    public PlanNotFound(Object id) {
        super("plan.notFound", id);
    }
}
