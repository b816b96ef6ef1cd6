package org.rectify.todo.internal;

import org.rectify.access.Caller;
import org.rectify.supervision.LeaderInstructions;
import org.springframework.stereotype.Component;

import java.util.List;

/** Leaders' instructions (批示) on tasks the caller's units lead, not answered yet. */
@Component
class InstructionsToAnswer implements TodoSource {

    private final LeaderInstructions instructions;

    InstructionsToAnswer(LeaderInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public String kind() {
        return "50-instructions";
    }

    @Override
    public boolean concerns(Caller caller) {
        return caller.role().isUnitRole();
    }

    @Override
    public List<TodoItem> items(Caller caller) {
        return instructions.awaitingAnswerFrom(caller).stream()
                .map(i -> new TodoItem(i.taskId(), i.taskRef(), i.taskTitle(), i.leader(), i.answerBy(),
                        "/supervision/instructions#instruction-" + i.id(), "todo.action.answer"))
                .toList();
    }
}
