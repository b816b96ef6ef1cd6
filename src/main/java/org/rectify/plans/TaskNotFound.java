package org.rectify.plans;

import org.rectify.platform.NotFoundException;

/** No such task, or not within the caller's data scope: the two must look the same. */
public class TaskNotFound extends NotFoundException {

    public TaskNotFound(Object id) {
        super("task.notFound", id);
    }
}
