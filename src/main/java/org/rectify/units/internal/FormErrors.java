package org.rectify.units.internal;

import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.springframework.validation.BindingResult;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field → text for the unit forms: from a refused command, from a failed binding, from a date typed in. */
final class FormErrors {

    private final Messages messages;
    private final Map<String, String> fields = new LinkedHashMap<>();

    FormErrors(Messages messages) {
        this.messages = messages;
    }

    /** A value the form could not even bind (an unknown level, a number that is not one). */
    FormErrors binding(BindingResult binding) {
        binding.getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), messages.text("units.form.invalidValue")));
        return this;
    }

    /** The field errors of a refusal; the one the refusal is about gets its full sentence, with arguments. */
    FormErrors refused(InvalidInputException e) {
        e.fieldErrors().forEach((field, key) -> fields.putIfAbsent(field,
                key.equals(e.messageKey()) ? messages.text(e) : messages.text(key)));
        return this;
    }

    FormErrors add(String field, String key, Object... args) {
        fields.putIfAbsent(field, messages.text(key, args));
        return this;
    }

    FormErrors require(String field, Object value, String key) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, key);
        }
        return this;
    }

    /** A date from an {@code <input type="date">}: blank is none; anything else that is not a date is an error. */
    LocalDate date(String field, String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(written.strip());
        } catch (DateTimeException e) {
            add(field, "units.form.dateInvalid");
            return null;
        }
    }

    boolean any() {
        return !fields.isEmpty();
    }

    Map<String, String> fields() {
        return fields;
    }
}
