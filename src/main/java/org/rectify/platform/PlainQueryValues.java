package org.rectify.platform;

import org.springframework.format.annotation.DateTimeFormat;

import org.springframework.core.MethodParameter;

import java.lang.reflect.ParameterizedType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plain forms of a {@link QueryRecord}'s values read without Spring's data binder: digits for a Long or an Integer,
 * {@code true}/{@code false}, an enum constant's exact name (one, or several for a list of them), a {@code yyyy-MM-dd}
 * date for an ISO {@code @DateTimeFormat}, and an empty value for "none". These are what a filter form and a program
 * send; each gives exactly what the binder's conversion gives. Anything else (a sign, spaces, a hexadecimal number,
 * {@code on}/{@code yes}, comma-separated constants, a date that is not one) is {@link #UNDECIDED}, and
 * {@link QueryRecordResolver} hands it to the binder, which converts or refuses it as before. Creating that binder and
 * converting through it was a tenth of a ledger API request's CPU (issue 14).
 */
final class PlainQueryValues {

    /** The value is not in a plain form: the binder decides. */
    static final Object UNDECIDED = new Object();

    private PlainQueryValues() {
    }

    /**
     * How to read a component's plain values (the component as its record's canonical constructor takes it, with its
     * annotations), or null when it has no plain form here (always the binder).
     */
    static Function<String[], Object> reader(MethodParameter component) {
        Class<?> type = component.getParameterType();
        if (type == String.class) {
            return values -> values.length == 1 ? values[0] : UNDECIDED; // several: the binder joins them
        }
        if (type == Long.class) {
            return single(v -> digits(v, 18) ? Long.valueOf(v) : UNDECIDED);
        }
        if (type == Integer.class) {
            return single(v -> digits(v, 9) ? Integer.valueOf(v) : UNDECIDED);
        }
        if (type == Boolean.class) {
            return single(v -> v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : UNDECIDED);
        }
        if (type.isEnum()) {
            return single(v -> constant(type, v));
        }
        if (type == LocalDate.class && isoDate(component)) {
            return single(PlainQueryValues::date);
        }
        if (type == List.class && component.getGenericParameterType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return values -> constants(element, values);
        }
        return null;
    }

    /** One value; an empty one is none, as the binder's converters have it for every type above but String. */
    private static Function<String[], Object> single(Function<String, Object> read) {
        return values -> values.length != 1 ? UNDECIDED : values[0].isEmpty() ? null : read.apply(values[0]);
    }

    private static boolean digits(String v, int most) {
        if (v.length() > most) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Object constant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        return UNDECIDED;
    }

    /** Each value one constant's exact name (an empty list or a comma-separated value goes to the binder). */
    private static Object constants(Class<?> type, String[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (String v : values) {
            Object c = constant(type, v);
            if (c == UNDECIDED) {
                return UNDECIDED;
            }
            list.add(c);
        }
        return list;
    }

    private static boolean isoDate(MethodParameter component) {
        DateTimeFormat format = component.getParameterAnnotation(DateTimeFormat.class);
        return format != null && format.iso() == DateTimeFormat.ISO.DATE && format.pattern().isEmpty()
                && format.fallbackPatterns().length == 0;
    }

    private static Object date(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return UNDECIDED;
        }
        try {
            // ISO_LOCAL_DATE, strict like the binder's ISO_DATE: 2027-02-30 is refused there; without its formatter
            return ColumnDates.parse(v);
        } catch (DateTimeParseException e) {
            return UNDECIDED;
        }
    }
}
