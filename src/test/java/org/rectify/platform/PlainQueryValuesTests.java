package org.rectify.platform;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.annotation.DateTimeFormat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A query value read in its plain form ({@link PlainQueryValues}) is what Spring MVC's own conversion service makes of
 * it, for every kind of component a {@link QueryRecord} has; whatever is not plain is left to the binder, and the forms
 * a filter form and a program send are all plain (so no binder is made for them).
 */
@IntegrationTest
class PlainQueryValuesTests {

    enum Colour {
        RED, GREEN
    }

    record Query(Long id, Integer size, Boolean desc, Colour colour, List<Colour> colours,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, LocalDate unformatted, String q) {
    }

    private static final List<String[]> INPUTS = inputs("", " ", "5", "007", "-5", " 5", "+5", "0x10", "#10", "1,000",
            "123456789", "1234567890", "999999999999999999", "9999999999999999999", "true", "false", "TRUE", "on", "no",
            "1", "RED", "red", " RED", "RED,GREEN", "GREEN", "2027-01-01", "2027-02-30", "2027-1-1", "20270101",
            "+2027-01-01", "2027-01-01+08:00", "x", "整改");

    @Autowired
    @Qualifier("mvcConversionService")
    ConversionService conversions;

    @Test
    void a_plain_value_is_what_springs_conversion_makes_of_it_for_every_kind_of_component() throws Exception {
        RecordComponent[] components = Query.class.getRecordComponents();
        Constructor<?> constructor = Query.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        List<String[]> inputs = new ArrayList<>(INPUTS);
        inputs.add(new String[]{"RED", "GREEN"});
        inputs.add(new String[]{"RED", ""});
        inputs.add(new String[]{"RED", "red"});
        inputs.add(new String[]{"5", "6"});
        int plain = 0;
        for (int i = 0; i < components.length; i++) {
            MethodParameter parameter = new MethodParameter(constructor, i);
            TypeDescriptor target = new TypeDescriptor(parameter);
            var reader = PlainQueryValues.reader(parameter);
            if (i == 6) {
                assertThat(reader).as("a date without an ISO format is the binder's (the locale's short style)").isNull();
                continue;
            }
            assertThat(reader).as(components[i].getName()).isNotNull();
            for (String[] values : inputs) {
                Object read = reader.apply(values);
                if (read == PlainQueryValues.UNDECIDED) {
                    continue;
                }
                plain++;
                Object source = values.length == 1 ? values[0] : values;
                Object converted = conversions.convert(source, TypeDescriptor.forObject(source), target);
                assertThat(read).as("%s from %s", components[i].getName(), Arrays.toString(values)).isEqualTo(converted);
            }
        }
        assertThat(plain).isGreaterThan(50);
    }

    @Test
    void the_forms_a_filter_sends_are_plain_and_what_is_not_plain_is_the_binders() {
        Constructor<?> constructor = Query.class.getDeclaredConstructors()[0];
        MethodParameter[] components = new MethodParameter[8];
        for (int i = 0; i < components.length; i++) {
            components[i] = new MethodParameter(constructor, i);
        }
        assertThat(PlainQueryValues.reader(components[0]).apply(new String[]{"123"})).isEqualTo(123L);
        assertThat(PlainQueryValues.reader(components[1]).apply(new String[]{"50"})).isEqualTo(50);
        assertThat(PlainQueryValues.reader(components[2]).apply(new String[]{"true"})).isEqualTo(true);
        assertThat(PlainQueryValues.reader(components[3]).apply(new String[]{"GREEN"})).isEqualTo(Colour.GREEN);
        assertThat(PlainQueryValues.reader(components[4]).apply(new String[]{"RED", "GREEN"}))
                .isEqualTo(List.of(Colour.RED, Colour.GREEN));
        assertThat(PlainQueryValues.reader(components[4]).apply(new String[]{"GREEN"})).isEqualTo(List.of(Colour.GREEN));
        assertThat(PlainQueryValues.reader(components[5]).apply(new String[]{"2027-03-01"}))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(PlainQueryValues.reader(components[5]).apply(new String[]{""})).isNull();
        assertThat(PlainQueryValues.reader(components[7]).apply(new String[]{" 整改 "})).isEqualTo(" 整改 ");
        // not plain: the binder converts these (or refuses them) as it always did
        assertThat(PlainQueryValues.reader(components[0]).apply(new String[]{"abc"})).isSameAs(PlainQueryValues.UNDECIDED);
        assertThat(PlainQueryValues.reader(components[0]).apply(new String[]{" 5"})).isSameAs(PlainQueryValues.UNDECIDED);
        assertThat(PlainQueryValues.reader(components[3]).apply(new String[]{"red"})).isSameAs(PlainQueryValues.UNDECIDED);
        assertThat(PlainQueryValues.reader(components[5]).apply(new String[]{"2027-02-30"})).isSameAs(PlainQueryValues.UNDECIDED);
        assertThat(catchThrowable(() -> conversions.convert("2027-02-30", TypeDescriptor.valueOf(String.class),
                new TypeDescriptor(components[5]))))
                .as("the binder refuses it").isNotNull();
    }

    private static List<String[]> inputs(String... single) {
        return Arrays.stream(single).map(s -> new String[]{s}).toList();
    }
}
