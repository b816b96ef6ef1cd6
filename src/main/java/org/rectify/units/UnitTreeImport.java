package org.rectify.units;

import org.rectify.platform.ErrorHandling.RowError;
import org.rectify.platform.InvalidInputException;
import org.rectify.units.internal.ImportColumns;
import org.rectify.units.internal.ImportColumns.Column;
import org.rectify.units.internal.ImportValues;
import org.rectify.units.internal.TabularFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a unit tree, or unit groups, from an .xlsx or .csv file. All or nothing: one bad row and nothing
 * of the file is stored, and the refusal lists every bad row by its number in the spreadsheet (the header
 * is row 1). Loading the same file again changes nothing, so a file can be corrected and loaded again.
 *
 * <p>Tree file columns: {@code 名称,上级单位,层级,类型,别名[,启用日期]} (or {@code name,parent,level,type,
 * aliases[,valid_from]}). A parent is a unit already in the tree (by name or alias) or one in an earlier
 * row. Group file columns: {@code 单位组,成员单位[,说明]} (or {@code group,members[,description]}).
 * Several aliases or members in a cell are separated by {@code |} or {@code 、}.
 */
@Service
public class UnitTreeImport {

    static final List<Column> TREE_COLUMNS = List.of(
            new Column("name", true, List.of("名称", "name", "单位名称", "单位")),
            new Column("parent", true, List.of("上级单位", "parent", "上级")),
            new Column("level", true, List.of("层级", "level", "级别")),
            new Column("type", true, List.of("类型", "type", "单位类型")),
            new Column("aliases", false, List.of("别名", "aliases", "alias", "简称")),
            new Column("validFrom", false, List.of("启用日期", "valid_from", "validfrom", "成立日期")));

    static final List<Column> GROUP_COLUMNS = List.of(
            new Column("group", true, List.of("单位组", "group", "组名", "单位组名称")),
            new Column("members", true, List.of("成员单位", "members", "成员")),
            new Column("description", false, List.of("说明", "description", "描述")));

    private final Units units;
    private final UnitAdministration administration;
    private final TabularFile.Limits limits;

    UnitTreeImport(Units units, UnitAdministration administration,
                   @Value("${rectify.units.import.max-size:5MB}") DataSize maxSize,
                   @Value("${rectify.units.import.max-rows:10000}") int maxRows,
                   @Value("${rectify.units.import.max-unpacked-size:100MB}") DataSize maxUnpacked) {
        this.units = units;
        this.administration = administration;
        this.limits = new TabularFile.Limits(maxSize.toBytes(), maxRows, maxUnpacked.toBytes());
    }

    /** The largest file accepted, in bytes (for the upload page). */
    public long maxBytes() {
        return limits.maxBytes();
    }

    /** The most data rows a file may have. */
    public int maxRows() {
        return limits.maxRows();
    }

    /**
     * Loads a unit tree. A row naming a unit that exists under the same parent leaves it as it is, except
     * for new aliases, a changed level, type or start date.
     *
     * @param filename as uploaded; only for the log, the format is told by the content
     * @throws UnitImportRejected with the bad rows; nothing was stored
     */
    @Transactional
    public UnitImportReport load(String filename, InputStream content) {
        Sheet sheet = sheet(content, TREE_COLUMNS);
        List<RowError> errors = new ArrayList<>(sheet.errors);
        List<TreeRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (TabularFile.Row r : sheet.rows) {
            TreeRow row = treeRow(r, sheet.columns, errors);
            if (row.name != null) {
                Integer first = firstRowOf.putIfAbsent(row.name, r.number());
                if (first != null) {
                    errors.add(new RowError(r.number(), "unitImport.duplicateRow", row.name, first));
                    row.valid = false;
                }
            }
            rows.add(row);
        }

        Counts counts = new Counts();
        Map<String, Long> loaded = new HashMap<>();      // name in this file → unit id
        Map<String, Integer> badRowOf = new HashMap<>();  // name in this file → its row, when that row is wrong
        Map<Long, Integer> nextSortOrder = new HashMap<>();
        rows.stream().filter(row -> !row.valid && row.name != null).forEach(row -> badRowOf.putIfAbsent(row.name, row.number));
        for (TreeRow row : rows) {
            if (!row.valid) {
                continue;
            }
            int before = errors.size();
            try {
                apply(row, loaded, badRowOf, firstRowOf, nextSortOrder, counts, errors);
            } catch (InvalidInputException e) { // a rule of UnitAdministration, e.g. a name taken meanwhile
                errors.add(new RowError(row.number, e.messageKey(), e.args()));
            }
            if (errors.size() > before) {
                badRowOf.putIfAbsent(row.name, row.number);
            }
        }
        if (!errors.isEmpty()) {
            throw new UnitImportRejected(sorted(errors)); // rolls back whatever the good rows did
        }
        return counts.report();
    }

    /**
     * Loads unit groups: a group that exists gets the members (and the description, when given) of its
     * row; members are units by name or alias.
     *
     * @throws UnitImportRejected with the bad rows; nothing was stored
     */
    @Transactional
    public UnitImportReport loadGroups(String filename, InputStream content) {
        Sheet sheet = sheet(content, GROUP_COLUMNS);
        List<RowError> errors = new ArrayList<>(sheet.errors);
        Map<String, Integer> firstRowOf = new HashMap<>();
        Counts counts = new Counts();
        for (TabularFile.Row r : sheet.rows) {
            int before = errors.size();
            String name = UnitNames.canonical(sheet.columns.get(r, "group"));
            String description = sheet.columns.get(r, "description");
            List<String> memberNames = ImportValues.names(sheet.columns.get(r, "members"));
            if (name.isEmpty()) {
                errors.add(new RowError(r.number(), "unitImport.groupRequired"));
                continue;
            }
            Integer first = firstRowOf.putIfAbsent(name, r.number());
            if (first != null) {
                errors.add(new RowError(r.number(), "unitImport.duplicateGroup", name, first));
                continue;
            }
            if (name.length() > 100) {
                errors.add(new RowError(r.number(), "unitImport.nameTooLong", name));
            }
            if (memberNames.isEmpty()) {
                errors.add(new RowError(r.number(), "unitImport.membersRequired", name));
            }
            Set<Long> members = new LinkedHashSet<>();
            for (String member : memberNames) {
                Optional<UnitReference> ref = units.resolve(member);
                if (ref.isEmpty()) {
                    errors.add(new RowError(r.number(), "unitImport.memberUnknown", member));
                } else if (ref.get() instanceof UnitReference.OfGroup) {
                    errors.add(new RowError(r.number(), "unitImport.memberIsGroup", member));
                } else {
                    members.add(ref.get().id());
                }
            }
            Optional<UnitReference> existing = units.resolve(name);
            if (existing.isPresent() && existing.get() instanceof UnitReference.OfUnit unit) {
                errors.add(new RowError(r.number(), "unitImport.groupNameIsUnit", name, unit.name()));
            }
            if (errors.size() > before) {
                continue;
            }
            try {
                if (existing.isEmpty()) {
                    administration.createGroup(name, blankToNull(description), members);
                    counts.created++;
                    continue;
                }
                UnitGroup group = units.group(existing.get().id());
                boolean changed = false;
                if (!new HashSet<>(group.memberIds()).equals(members)) {
                    administration.setMembers(group.id(), members);
                    changed = true;
                }
                if (!description.isBlank() && !description.strip().equals(group.description())) {
                    administration.updateGroup(group.id(), group.name(), description);
                    changed = true;
                }
                if (changed) {
                    counts.updated++;
                } else {
                    counts.unchanged++;
                }
            } catch (InvalidInputException e) {
                errors.add(new RowError(r.number(), e.messageKey(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnitImportRejected(sorted(errors));
        }
        return counts.report();
    }

    // ---- the tree, row by row

    private void apply(TreeRow row, Map<String, Long> loaded, Map<String, Integer> badRowOf,
                       Map<String, Integer> firstRowOf, Map<Long, Integer> nextSortOrder, Counts counts,
                       List<RowError> errors) {
        Long parentId = null;
        if (row.parent != null) {
            if (row.parent.equals(row.name)) {
                errors.add(new RowError(row.number, "unitImport.selfParent", row.name));
                return;
            }
            parentId = loaded.get(row.parent);
            if (parentId == null) {
                Integer badRow = badRowOf.get(row.parent);
                if (badRow != null) {
                    errors.add(new RowError(row.number, "unitImport.parentRowInvalid", row.parent, badRow));
                    return;
                }
                Optional<UnitReference> parent = units.resolve(row.parent);
                if (parent.isEmpty()) {
                    Integer later = firstRowOf.get(row.parent);
                    errors.add(later != null && later > row.number
                            ? new RowError(row.number, "unitImport.parentLater", row.parent, later)
                            : new RowError(row.number, "unitImport.parentUnknown", row.parent));
                    return;
                }
                if (parent.get() instanceof UnitReference.OfGroup) {
                    errors.add(new RowError(row.number, "unitImport.parentIsGroup", row.parent));
                    return;
                }
                parentId = parent.get().id();
            }
        }

        Optional<UnitReference> existing = units.resolve(row.name);
        Unit unit;
        boolean created;
        boolean changed = false;
        if (existing.isEmpty()) {
            Long p = parentId;
            int sortOrder = nextSortOrder.compute(parentId == null ? 0L : parentId,
                    (k, last) -> last == null ? units.nextSortOrder(p) : last + 1);
            unit = administration.create(new NewUnit(parentId, row.name, row.level, row.type, sortOrder, row.validFrom));
            created = true;
        } else if (existing.get() instanceof UnitReference.OfGroup) {
            errors.add(new RowError(row.number, "unitImport.nameIsGroup", row.name));
            return;
        } else {
            unit = units.get(existing.get().id());
            if (!unit.name().equals(row.name)) {
                errors.add(new RowError(row.number, "unitImport.nameIsAlias", row.name, unit.name()));
                return;
            }
            if (!Objects.equals(unit.parentId(), parentId)) {
                String actual = unit.parentId() == null ? "—" : units.get(unit.parentId()).name();
                errors.add(new RowError(row.number, "unitImport.nameUnderOtherParent", row.name, actual,
                        row.parent == null ? "—" : row.parent));
                return;
            }
            created = false;
            if (unit.level() != row.level || unit.type() != row.type) {
                administration.reclassify(unit.id(), row.level, row.type);
                changed = true;
            }
            if (row.validFrom != null && !row.validFrom.equals(unit.validFrom())) {
                administration.setValidity(unit.id(), row.validFrom, unit.validTo());
                changed = true;
            }
        }
        loaded.put(row.name, unit.id());

        for (String alias : row.aliases) {
            if (alias.equals(row.name)) {
                continue;
            }
            if (alias.length() > 100) {
                errors.add(new RowError(row.number, "unitImport.aliasTooLong", alias));
                continue;
            }
            Optional<UnitReference> taken = units.resolve(alias);
            if (taken.isEmpty()) {
                administration.addAlias(unit.id(), alias);
                changed = true;
            } else if (!(taken.get() instanceof UnitReference.OfUnit owner && owner.id() == unit.id())) {
                errors.add(new RowError(row.number, "unitImport.aliasTaken", alias, taken.get().name()));
            }
        }
        if (created) {
            counts.created++;
        } else if (changed) {
            counts.updated++;
        } else {
            counts.unchanged++;
        }
    }

    private static TreeRow treeRow(TabularFile.Row r, ImportColumns columns, List<RowError> errors) {
        TreeRow row = new TreeRow(r.number());
        String name = UnitNames.canonical(columns.get(r, "name"));
        if (name.isEmpty()) {
            errors.add(new RowError(r.number(), "unitImport.nameRequired"));
            row.valid = false;
        } else {
            row.name = name;
            if (name.length() > 100) {
                errors.add(new RowError(r.number(), "unitImport.nameTooLong", name));
                row.valid = false;
            }
        }
        String parent = UnitNames.canonical(columns.get(r, "parent"));
        row.parent = parent.isEmpty() ? null : parent;

        String level = columns.get(r, "level");
        row.level = ImportValues.level(level).orElse(null);
        if (row.level == null) {
            errors.add(level.isBlank() ? new RowError(r.number(), "unitImport.levelRequired")
                    : new RowError(r.number(), "unitImport.levelUnknown", level));
            row.valid = false;
        }
        String type = columns.get(r, "type");
        row.type = ImportValues.type(type).orElse(null);
        if (row.type == null) {
            errors.add(type.isBlank() ? new RowError(r.number(), "unitImport.typeRequired")
                    : new RowError(r.number(), "unitImport.typeUnknown", type));
            row.valid = false;
        }
        String validFrom = columns.get(r, "validFrom");
        try {
            row.validFrom = ImportValues.date(validFrom).orElse(null);
        } catch (DateTimeException e) {
            errors.add(new RowError(r.number(), "unitImport.dateInvalid", validFrom));
            row.valid = false;
        }
        row.aliases = ImportValues.names(columns.get(r, "aliases"));
        return row;
    }

    // ---- the file

    private record Sheet(ImportColumns columns, List<TabularFile.Row> rows, List<RowError> errors) {
    }

    /**
     * Reads the file and its header (the first row with anything in it); refuses it whole when the header
     * is wrong, there are no data rows, or cells are merged where the data is.
     */
    private Sheet sheet(InputStream content, List<Column> columnsWanted) {
        TabularFile file = TabularFile.read(content, limits);
        TabularFile.Row header = file.rows().get(0);
        ImportColumns columns = ImportColumns.find(header, columnsWanted);
        if (!columns.errors().isEmpty()) {
            throw new UnitImportRejected(columns.errors());
        }
        List<RowError> errors = new ArrayList<>();
        for (TabularFile.MergedRange range : file.merged()) {
            if (range.lastRow() >= header.number()) {
                errors.add(new RowError(range.firstRow(), "unitImport.mergedCells", range.reference()));
            }
        }
        List<TabularFile.Row> rows = file.rows().subList(1, file.rows().size());
        if (rows.isEmpty()) {
            throw new UnitImportRejected("unitImport.noRows");
        }
        return new Sheet(columns, rows, errors);
    }

    private static List<RowError> sorted(List<RowError> errors) {
        return errors.stream().sorted(java.util.Comparator.comparingInt(RowError::row)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final class TreeRow {
        final int number;
        boolean valid = true;
        String name;
        String parent;
        UnitLevel level;
        UnitType type;
        LocalDate validFrom;
        List<String> aliases = List.of();

        TreeRow(int number) {
            this.number = number;
        }
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;

        UnitImportReport report() {
            return new UnitImportReport(created, updated, unchanged);
        }
    }
}
