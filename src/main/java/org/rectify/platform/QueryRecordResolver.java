package org.rectify.platform;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Binds a {@link QueryRecord} from the request's parameters. Spring's constructor binding looks the record's
 * constructor up again for every request, and with it parses every parameter's annotations (in the JDK, afresh at each
 * call) several times per component: a flight recording of the root office's ledger API put a quarter of the
 * request's CPU there (issue 14). Here the constructor and its parameters are read once per type; each value is
 * read in its plain form ({@link PlainQueryValues}) or else converted by the request's own binder (its conversion
 * service and {@code @DateTimeFormat}, made only then), and a value that does not convert is refused as Spring refuses
 * it: a field error with the same message codes, answered 422 ({@link ErrorHandling}).
 */
final class QueryRecordResolver implements HandlerMethodArgumentResolver {

    /**
     * A record's constructor and one parameter per component, each with its annotations read once, and how to read its
     * plain values without the binder ({@link PlainQueryValues}; null: always through the binder).
     */
    private record Shape(Constructor<?> constructor, String[] names, MethodParameter[] parameters,
                         Function<String[], Object>[] plain) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalStateException(type + " is marked @QueryRecord but is not a record");
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
            String[] names = new String[components.length];
            MethodParameter[] parameters = new MethodParameter[components.length];
            @SuppressWarnings("unchecked")
            Function<String[], Object>[] plain = new Function[components.length];
            for (int i = 0; i < components.length; i++) {
                if (types[i].isPrimitive()) { // a missing parameter would have no value to give it
                    throw new IllegalStateException(type + "." + components[i].getName() + " is primitive");
                }
                names[i] = components[i].getName();
                parameters[i] = new MethodParameter(constructor, i);
                parameters[i].getParameterAnnotations(); // read now: MethodParameter keeps them
                plain[i] = PlainQueryValues.reader(parameters[i]);
            }
            return new Shape(constructor, names, parameters, plain);
        }
    }

    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().isAnnotationPresent(QueryRecord.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) throws Exception {
        Class<?> type = parameter.getParameterType();
        Shape shape = shapes.computeIfAbsent(type, Shape::of);
        String name = Conventions.getVariableNameForParameter(parameter);
        WebDataBinder binder = null; // made only for a value that is not plain
        Object[] args = new Object[shape.names().length];
        for (int i = 0; i < args.length; i++) {
            String[] values = request.getParameterValues(shape.names()[i]);
            if (values == null) {
                continue;
            }
            Object plain = shape.plain()[i] == null ? PlainQueryValues.UNDECIDED : shape.plain()[i].apply(values);
            if (plain != PlainQueryValues.UNDECIDED) {
                args[i] = plain;
                continue;
            }
            if (binder == null) {
                binder = binders.createBinder(request, null, name);
            }
            Object value = values.length == 1 ? values[0] : values;
            MethodParameter component = shape.parameters()[i];
            try {
                args[i] = binder.convertIfNecessary(value, component.getParameterType(), component);
            } catch (TypeMismatchException e) { // as DataBinder records a constructor argument that does not convert
                e.initPropertyName(shape.names()[i]);
                BindingResult result = binder.getBindingResult();
                result.recordFieldValue(shape.names()[i], component.getParameterType(), value);
                binder.getBindingErrorProcessor().processPropertyAccessException(e, result);
            }
        }
        if (binder != null && binder.getBindingResult().hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
        }
        Object bound = BeanUtils.instantiateClass(shape.constructor(), args);
        if (mav != null) { // a page's model holds it under its name, as a model attribute
            mav.addAttribute(name, bound);
        }
        return bound;
    }
}
