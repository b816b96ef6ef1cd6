package org.rectify.platform;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A list whose JSON array is written element by element by hand (issue 14): the mapper's bean serializers read each
 * field through a method handle and look up each value's serializer, a quarter of a large page's request. The elements
 * are kept as read ({@code E}) and shown as {@code T}, made from an element only when one is asked for (a page's
 * template, an export), once; to the template and to equality it is a list of {@code T} like any other. The writers
 * write the mapper's bytes of the same {@code T}s (each owner's tests compare them).
 */
@JsonSerialize(using = WrittenList.Writer.class)
public final class WrittenList<E, T> extends AbstractList<T> implements RandomAccess {

    /** How one element is written. */
    @FunctionalInterface
    public interface ElementWriter<E> {
        void write(JsonGenerator gen, E element);
    }

    private final List<E> elements;
    private final Function<E, T> shown;
    private final ElementWriter<E> writer;
    /** The elements shown so far; two threads asking at once each make an equal one. */
    private final Object[] made;

    private WrittenList(List<E> elements, Function<E, T> shown, ElementWriter<E> writer) {
        this.elements = List.copyOf(elements);
        this.shown = shown;
        this.writer = writer;
        this.made = new Object[this.elements.size()];
    }

    /** Elements that are what the list shows, written by {@code writer}. */
    public static <T> List<T> of(List<T> elements, ElementWriter<T> writer) {
        return new WrittenList<>(elements, Function.identity(), writer);
    }

    /** Elements as read, written by {@code writer}, each shown as {@code shown} makes it when asked. */
    public static <E, T> List<T> of(List<E> elements, Function<E, T> shown, ElementWriter<E> writer) {
        return new WrittenList<>(elements, shown, writer);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Object element = made[index];
        if (element == null) {
            element = shown.apply(elements.get(index));
            made[index] = element;
        }
        return (T) element;
    }

    @Override
    public int size() {
        return elements.size();
    }

    /** Null as the mapper writes it, else the enum constant's name. */
    public static void writeName(JsonGenerator gen, Enum<?> value) {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value.name());
        }
    }

    /**
     * UTF-8 bytes as a JSON string, escaped as the mapper escapes a string's characters: as they are into bytes (an
     * answer), decoded into characters (a generator writing text, which cannot take bytes); null as the mapper writes it.
     */
    public static void writeUtf8(JsonGenerator gen, byte[] utf8) {
        if (utf8 == null) {
            gen.writeNull();
        } else if (gen instanceof UTF8JsonGenerator) {
            gen.writeUTF8String(utf8, 0, utf8.length);
        } else {
            gen.writeString(new String(utf8, StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Writer extends StdSerializer<WrittenList> {

        Writer() {
            super(WrittenList.class);
        }

        @Override
        public void serialize(WrittenList value, JsonGenerator gen, SerializationContext context) {
            gen.writeStartArray(value, value.size());
            for (Object element : value.elements) {
                value.writer.write(gen, element);
            }
            gen.writeEndArray();
        }
    }
}
