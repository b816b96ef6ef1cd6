package org.rectify.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@link InputLimits} for JSON bodies: every string and every date Jackson reads is checked as it is read, so
 * no request record can forget it. A refusal travels out of Jackson wrapped; {@link ErrorHandling} finds it
 * and answers 422 with the field's path.
 */
class InputLimitsModule extends SimpleModule {

    InputLimitsModule() {
        super("rectify-input-limits");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = beanDesc.getBeanClass();
                return type == String.class || type == LocalDate.class || type == LocalDateTime.class
                        || type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class
                        ? new Checked(deserializer) : deserializer;
            }
        });
    }

    /** Reads as the delegate does, then checks the value against the field it was read for. */
    static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String field = field(p);
            Object value = super.deserialize(p, ctxt);
            check(field, value);
            return value;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
            String field = field(p);
            Object value = super.deserialize(p, ctxt, intoValue);
            check(field, value);
            return value;
        }

        /** The field a value is read for; for an element of a list, the list's field. */
        private static String field(JsonParser p) {
            for (TokenStreamContext c = p.streamReadContext(); c != null; c = c.getParent()) {
                if (c.currentName() != null) {
                    return c.currentName();
                }
            }
            return "";
        }

        private static void check(String field, Object value) {
            if (value instanceof String s) {
                InputLimits.check(field, s).ifPresent(refusal -> {
                    throw refusal;
                });
            } else if (value != null && !saneDate(value)) {
                throw InputLimits.refusal(field, "input.dateOutOfRange");
            }
        }

        private static boolean saneDate(Object value) {
            LocalDate date = value instanceof LocalDate d ? d
                    : value instanceof LocalDateTime ldt ? ldt.toLocalDate()
                    : value instanceof OffsetDateTime odt ? odt.toLocalDate()
                    : value instanceof ZonedDateTime zdt ? zdt.toLocalDate()
                    : value instanceof Instant i ? LocalDate.ofInstant(i, ZoneOffset.UTC) : null;
            return date == null || InputLimits.saneDate(date);
        }
    }
}
