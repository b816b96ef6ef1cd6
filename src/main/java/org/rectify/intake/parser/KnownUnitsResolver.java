package org.rectify.intake.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link UnitResolver} over a list of known unit names, for use without a database (the CLI):
 * {@code units.csv} with columns {@code name,parent,level,type,aliases} (aliases separated by {@code |}) and
 * {@code unit-groups.csv} with columns {@code group,members}. A known name, alias or group resolves to its
 * canonical name with a null unitId. Names are compared folded and without spaces.
 */
public final class KnownUnitsResolver implements UnitResolver {

    private final Map<String, String> units = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();

    private KnownUnitsResolver() {
    }

    /** @param unitsCsv units.csv, or null; @param groupsCsv unit-groups.csv, or null */
    public static KnownUnitsResolver fromCsv(Reader unitsCsv, Reader groupsCsv) throws IOException {
        KnownUnitsResolver r = new KnownUnitsResolver();
        if (unitsCsv != null) {
            for (List<String> row : rows(unitsCsv)) {
                String name = row.get(0).strip();
                if (name.isEmpty() || name.equals("name")) {
                    continue; // header or blank line
                }
                r.units.putIfAbsent(TextFold.key(name), name);
                if (row.size() > 4) {
                    for (String alias : row.get(4).split("\\|")) {
                        if (!alias.isBlank()) {
                            r.units.putIfAbsent(TextFold.key(alias), name);
                        }
                    }
                }
            }
        }
        if (groupsCsv != null) {
            for (List<String> row : rows(groupsCsv)) {
                String group = row.get(0).strip();
                if (!group.isEmpty() && !group.equals("group")) {
                    r.groups.putIfAbsent(TextFold.key(group), group);
                }
            }
        }
        return r;
    }

    public int size() {
        return units.size() + groups.size();
    }

    @Override
    public Optional<UnitMention> resolve(String name, boolean group) {
        String key = TextFold.key(name);
        String asGroup = groups.get(key);
        String asUnit = units.get(key);
        if (asGroup != null && (group || asUnit == null)) {
            return Optional.of(new UnitMention(asGroup, true, null));
        }
        if (asUnit != null) {
            return Optional.of(new UnitMention(asUnit, false, null));
        }
        return Optional.empty();
    }

    /** Minimal CSV: commas, double-quoted fields with "" escapes; a quoted field may span lines. */
    static List<List<String>> rows(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        boolean first = true;
        while ((c = r.read()) != -1) {
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            r.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (any) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
