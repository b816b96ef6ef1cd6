package org.rectify.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record that a controller takes from the query string (a list's filter), bound by {@link QueryRecordResolver}: the
 * same names, conversions and refusals as Spring's constructor binding, with its constructor read once instead of at
 * every request. Its components are objects (a missing parameter is null), never primitives.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryRecord {
}
