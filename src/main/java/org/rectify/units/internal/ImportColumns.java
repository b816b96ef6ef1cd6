package org.rectify.units.internal;

import org.rectify.platform.ErrorHandling.RowError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import file, found by their header (in English or Chinese, in any order). A column
 * the import does not know is refused, so that a misspelt header does not drop its data silently; only
 * the bookkeeping columns offices add (序号, 备注) are ignored.
 */
public final class ImportColumns {

    /** A column: its key, whether the file must have it, and the headers it goes by (first: Chinese, second: English). */
    public record Column(String key, boolean required, List<String> headers) {

        /** How the header is shown in a message: "名称（name）". */
        public String label() {
            return headers.get(0) + "（" + headers.get(1) + "）";
        }
    }

    private static final Set<String> IGNORED = Set.of("序号", "编号", "no", "no.", "#", "备注", "说明备注",
            "remark", "remarks", "note", "notes");

    private final Map<String, Integer> index;
    private final List<RowError> errors;

    private ImportColumns(Map<String, Integer> index, List<RowError> errors) {
        this.index = index;
        this.errors = errors;
    }

    public static ImportColumns find(TabularFile.Row header, List<Column> columns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String written = header.cell(i);
            String normal = normal(written);
            if (normal.isEmpty() || IGNORED.contains(normal)) {
                continue;
            }
            Column column = columns.stream().filter(c -> c.headers().stream().map(ImportColumns::normal)
                    .anyMatch(normal::equals)).findFirst().orElse(null);
            if (column == null) {
                errors.add(new RowError(header.number(), "unitImport.header.unknown", written, expected(columns)));
            } else if (index.putIfAbsent(column.key(), i) != null) {
                errors.add(new RowError(header.number(), "unitImport.header.duplicate", written));
            }
        }
        List<String> missing = columns.stream().filter(c -> c.required() && !index.containsKey(c.key()))
                .map(Column::label).toList();
        if (!missing.isEmpty()) {
            errors.add(new RowError(header.number(), "unitImport.header.missing", String.join("、", missing),
                    expected(columns)));
        }
        return new ImportColumns(index, errors);
    }

    public List<RowError> errors() {
        return errors;
    }

    public boolean has(String key) {
        return index.containsKey(key);
    }

    public String get(TabularFile.Row row, String key) {
        Integer i = index.get(key);
        return i == null ? "" : row.cell(i);
    }

    /** "名称,上级单位,层级,类型（name,parent,level,type）" */
    private static String expected(List<Column> columns) {
        List<Column> required = columns.stream().filter(Column::required).toList();
        return String.join(",", required.stream().map(c -> c.headers().get(0)).toList()) + "（"
                + String.join(",", required.stream().map(c -> c.headers().get(1)).toList()) + "）";
    }

    /** Headers compare without case, spaces, required-marks (*) or the BOM Excel leaves on the first cell. */
    static String normal(String header) {
        return header.replace("\uFEFF", "").replace("*", "").replace("＊", "").replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }
}
