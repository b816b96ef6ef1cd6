package org.rectify.insight.internal;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.list;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

/**
 * Changes to one kept table of sums: rows named by their key columns, each with counts to add, summed in memory and
 * written as upserts ({@code count = count + excluded.count}) in key order, so concurrent writers lock rows in one order.
 * A command's few rows go as a row of values each; a batch's thousands (a plan's publication counts thousands of tasks
 * at once) as one array per column, unnested in the statement: built row by row, jOOQ made an object per value and
 * rendered each, three quarters of the node's catch-up CPU after a 2,000-task publication (issue 14).
 */
final class KeptSums<R extends Record> {

    private static final int CHUNK = 1_000;

    private final Table<R> table;
    private final List<TableField<R, ?>> keys;
    private final List<TableField<R, Integer>> counts;
    private final TreeMap<List<Object>, int[]> rows = new TreeMap<>(KeptSums::compare);

    KeptSums(Table<R> table, List<TableField<R, ?>> keys, List<TableField<R, Integer>> counts) {
        this.table = table;
        this.keys = keys;
        this.counts = counts;
    }

    /** Adds {@code sign} times {@code values} (one per count column) to the row of {@code key} (one per key column). */
    void add(int sign, List<Object> key, int... values) {
        int[] row = rows.computeIfAbsent(key, k -> new int[counts.size()]);
        for (int i = 0; i < values.length; i++) {
            row[i] += sign * values[i];
        }
    }

    /** The upserts of the rows summed, {@code asArrays}: one statement, its values bound as an array per column. */
    List<Query> writes(DSLContext db, boolean asArrays) {
        if (asArrays) {
            Query q = arrayUpsert(db);
            return q == null ? List.of() : List.of(q);
        }
        return writes(db);
    }

    List<Query> writes(DSLContext db) {
        List<Field<?>> columns = new ArrayList<>(keys);
        columns.addAll(counts);
        Map<Field<?>, Object> sums = sums();
        List<Query> writes = new ArrayList<>();
        List<List<Object>> chunk = new ArrayList<>();
        for (var e : nonZero()) {
            List<Object> values = new ArrayList<>(e.getKey());
            for (int v : e.getValue()) {
                values.add(v);
            }
            chunk.add(values);
            if (chunk.size() == CHUNK) {
                writes.add(upsert(db, columns, chunk, sums));
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            writes.add(upsert(db, columns, chunk, sums));
        }
        return writes;
    }

    private Query upsert(DSLContext db, List<Field<?>> columns, List<List<Object>> values, Map<Field<?>, Object> sums) {
        var insert = db.insertInto(table, columns);
        for (List<Object> row : values) {
            insert = insert.values(row);
        }
        return insert.onConflict(keys).doUpdate().set(sums);
    }

    /** Every row not all zero, in key order, as one upsert from the columns' arrays; null when there is none. */
    private Query arrayUpsert(DSLContext db) {
        List<Map.Entry<List<Object>, int[]>> given = nonZero();
        if (given.isEmpty()) {
            return null;
        }
        List<TableField<R, ?>> columns = new ArrayList<>(keys);
        columns.addAll(counts);
        List<Field<?>> arrays = new ArrayList<>();
        List<Field<?>> selected = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            TableField<R, ?> c = columns.get(k);
            Object[] values = (Object[]) Array.newInstance(c.getType(), given.size());
            for (int i = 0; i < values.length; i++) {
                var row = given.get(i);
                values[i] = k < keys.size() ? row.getKey().get(k) : row.getValue()[k - keys.size()];
            }
            arrays.add(val(values, c.getDataType().getArrayDataType()));
            selected.add(field(name("given", c.getName()), c.getDataType()));
        }
        String[] names = Stream.concat(columns.stream().map(Field::getName), Stream.of("ordinality")).toArray(String[]::new);
        Table<?> unnested = table("unnest({0}) with ordinality", list(arrays.toArray(Field[]::new))).as("given", names);
        Map<Field<?>, Object> sums = sums();
        return db.insertInto(table).columns(columns)
                // in the arrays' order, the key order
                .select(select(selected).from(unnested).orderBy(field(name("given", "ordinality"))))
                .onConflict(keys).doUpdate().set(sums);
    }

    /** Each count plus the one given: {@code count = count + excluded.count}. */
    private Map<Field<?>, Object> sums() {
        Map<Field<?>, Object> sums = new HashMap<>();
        counts.forEach(c -> sums.put(c, c.plus(excluded(c))));
        return sums;
    }

    /** The rows whose counts are not all zero (nothing to add), in key order. */
    private List<Map.Entry<List<Object>, int[]>> nonZero() {
        return rows.entrySet().stream().filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0)).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
