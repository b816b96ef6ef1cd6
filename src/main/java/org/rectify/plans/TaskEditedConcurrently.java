package org.rectify.plans;

import org.rectify.platform.ConflictException;
import org.rectify.platform.Labels;

import java.util.List;

/** Someone else saved the task since the caller loaded it; names what they changed. */
public class TaskEditedConcurrently extends ConflictException {

    public TaskEditedConcurrently(List<String> editors, List<String> changedFields) {
        super("task.editedConcurrently", String.join(", ", editors),
                new Labels(changedFields.stream().map(f -> "task.field." + f).toList()));
    }
}
