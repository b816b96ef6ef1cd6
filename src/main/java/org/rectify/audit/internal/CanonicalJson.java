package org.rectify.audit.internal;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as canonical JSON: properties and map keys sorted, no whitespace, dates as ISO-8601 text, so the same
 * event always gives the same bytes and so the same digest.
 */
final class CanonicalJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {
    }

    static String of(Object event) {
        return JSON.writeValueAsString(event);
    }
}
