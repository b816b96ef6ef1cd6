package org.rectify.audit;

import org.rectify.platform.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * An audit entry in the reader's words: the action's label ({@code timeline.action.*}, the action itself when none),
 * and the particulars of its recorded change that a reader looks for, each translated where it is a code.
 */
final class TimelineWording {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Messages messages;

    TimelineWording(Messages messages) {
        this.messages = messages;
    }

    String label(String action, JsonNode json) {
        String key = "timeline.action." + action;
        if (action.equals("task.transitioned") && json.path("byReport").asBoolean(false)) {
            return messages.text("task.action.STARTED_BY_REPORT");
        }
        if (action.equals("task.transitioned") && json.hasNonNull("command")) {
            String command = messages.text("task.command." + json.get("command").asString());
            if (!command.startsWith("task.command.")) {
                return command;
            }
        }
        String text = messages.text(key);
        return text.equals(key) ? action : text;
    }

    /** Who did it: the person as recorded, or the platform's own scheduled work ({@code system}) in the reader's words. */
    String actor(String actor) {
        return AuditEntry.isSystem(actor) ? messages.text("timeline.actor.system") : actor;
    }

    String detail(JsonNode json) {
        List<String> parts = new ArrayList<>();
        add(parts, json, "number");
        add(parts, json, "unitName");
        if (json.hasNonNull("version")) {
            parts.add(messages.text("timeline.version", json.get("version").asString()));
        }
        if (json.hasNonNull("from") && json.hasNonNull("to")) {
            parts.add(code(json.get("from").asString()) + " → " + code(json.get("to").asString()));
        }
        if (json.hasNonNull("daysLate") && json.get("daysLate").asInt() > 0) {
            parts.add(messages.text("timeline.daysLate", json.get("daysLate").asInt()));
        }
        if (json.has("changedFields") && json.get("changedFields").isArray()) {
            List<String> fields = new ArrayList<>();
            json.get("changedFields").forEach(f -> fields.add(messages.text("task.field." + f.asString())));
            parts.add(String.join("、", fields));
        }
        add(parts, json, "outcome");
        add(parts, json, "comment");
        add(parts, json, "reason");
        add(parts, json, "findings");
        JsonNode inner = json.path("change");
        add(parts, inner, "reason");
        return String.join(" · ", parts);
    }

    /** A status or a warning level as the reader names it; anything else as recorded. */
    private String code(String value) {
        for (String prefix : List.of("task.status.", "supervision.level.", "closure.stage.", "lookback.status.")) {
            String text = messages.text(prefix + value);
            if (!text.equals(prefix + value)) {
                return text;
            }
        }
        return value;
    }

    private void add(List<String> parts, JsonNode json, String field) {
        if (json.hasNonNull(field) && !json.get(field).asString().isBlank()) {
            parts.add(code(json.get(field).asString()));
        }
    }

    /** The recorded change as JSON, read once per entry for its wording and its visibility. */
    static JsonNode parse(String change) {
        try {
            return JSON.readTree(change);
        } catch (RuntimeException e) {
            return JSON.createObjectNode(); // an entry is shown by its action even if its change does not parse
        }
    }
}
