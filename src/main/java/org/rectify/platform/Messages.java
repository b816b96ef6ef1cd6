package org.rectify.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bundle texts in the current user's language, for controllers and the error mapping. */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    /** The text of a key; arguments that are {@link Labels} become their localized, joined labels. */
    public String text(String key, Object... args) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Labels labels
                    ? String.join(text("list.separator"), labels.keys().stream().map(this::text).toList())
                    : args[i];
        }
        return source.getMessage(key, resolved, key, LocaleContextHolder.getLocale());
    }

    /** The sentence a refusal stands for. */
    public String text(RectifyException e) {
        return text(e.messageKey(), e.args());
    }

    /** The field errors of a refusal as field → text (field messages take the refusal's arguments). */
    public Map<String, String> fields(InvalidInputException e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, key) -> out.put(field, text(key, e.args())));
        return out;
    }

    /** The first error of each field of a failed binding, as text. */
    public Map<String, String> fields(BindingResult binding) {
        Map<String, String> out = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> out.putIfAbsent(f.getField(),
                source.getMessage(f, LocaleContextHolder.getLocale())));
        return out;
    }
}
