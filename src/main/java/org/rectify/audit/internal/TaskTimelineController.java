package org.rectify.audit.internal;

import org.rectify.access.Caller;
import org.rectify.audit.TaskTimeline;
import org.rectify.plans.TaskDetail;
import org.rectify.platform.OfficialDocument;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The timeline panel of a task's page, and the task's whole record as .docx (loaded there by htmx: the task page belongs to plans, which knows no audit). */
@Controller
class TaskTimelineController {

    private final TaskTimeline timeline;
    private final TaskRecordDocument document;

    TaskTimelineController(TaskTimeline timeline, TaskRecordDocument document) {
        this.timeline = timeline;
        this.document = document;
    }

    /** The task's whole record as a Word document (task, warning, notices and answers, instructions, timeline). */
    @GetMapping("/audit/tasks/{taskId}/record.docx")
    ResponseEntity<byte[]> docx(@PathVariable long taskId, Caller caller) {
        TaskDetail task = document.task(taskId, caller);
        return OfficialDocument.download(document.name(task), document.render(task, caller));
    }

    @GetMapping("/audit/tasks/{taskId}/timeline")
    String panel(@PathVariable long taskId, Caller caller, Model model) {
        model.addAttribute("entries", timeline.of(taskId, caller));
        return "audit/task-timeline :: panel";
    }
}
