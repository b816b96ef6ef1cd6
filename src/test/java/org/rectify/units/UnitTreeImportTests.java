package org.rectify.units;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.platform.ErrorHandling.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rectify.units.UnitFiles.csv;
import static org.rectify.units.UnitFiles.unique;
import static org.rectify.units.UnitFiles.xlsx;

@IntegrationTest
class UnitTreeImportTests {

    @Autowired
    UnitTreeImport unitImport;
    @Autowired
    Units units;

    // ---- the demo

    @Test
    void the_demo_tree_of_lincang_is_loaded_with_its_62_units_and_8_groups() throws IOException {
        List<String> names = demoLines("demo/units.csv").stream().map(l -> l.split(",")[0]).toList();
        assertThat(names).hasSize(62);
        for (String name : names) {
            assertThat(units.resolve(name)).as(name).get().isInstanceOf(UnitReference.OfUnit.class)
                    .extracting(UnitReference::name).isEqualTo(name);
        }
        Unit city = unit("临沧市");
        assertThat(city.parentId()).isNull();
        assertThat(units.resolve("市环保局")).get().extracting(UnitReference::name).isEqualTo("市环境保护局");
        assertThat(unit("市环境保护局").parentId()).isEqualTo(unit("临沧市人民政府").id());
        assertThat(unit("孟定镇").level()).isEqualTo(UnitLevel.TOWNSHIP);
        assertThat(city.contains(unit("孟定镇"))).isTrue();

        Map<String, Integer> groupSizes = Map.of("各县区党委", 8, "各县区政府", 8, "市级各相关部门", 25, "市直有关部门", 25,
                "市级各责任单位", 25, "市提升城乡人居环境行动领导小组成员单位", 6, "市委农村工作领导小组成员单位", 5,
                "市生态文明建设指导委员会成员单位", 7);
        groupSizes.forEach((name, size) -> {
            UnitReference ref = units.resolve(name).orElseThrow();
            assertThat(ref).as(name).isInstanceOf(UnitReference.OfGroup.class);
            assertThat(units.group(ref.id()).memberIds()).as(name).hasSize(size);
        });
        assertThat(units.group(units.resolve("各县区党委").orElseThrow().id()).memberIds())
                .contains(unit("临翔区党委").id(), unit("沧源自治县党委").id());
    }

    @Test
    void loading_the_demo_files_again_changes_nothing() throws IOException {
        try (InputStream in = new ClassPathResource("demo/units.csv").getInputStream()) {
            assertThat(unitImport.load("units.csv", in)).isEqualTo(new UnitImportReport(0, 0, 62));
        }
        try (InputStream in = new ClassPathResource("demo/unit-groups.csv").getInputStream()) {
            assertThat(unitImport.loadGroups("unit-groups.csv", in)).isEqualTo(new UnitImportReport(0, 0, 8));
        }
    }

    // ---- new trees

    @Test
    void a_csv_tree_loads_under_a_new_root_or_an_existing_unit() {
        String city = unique("测试导入市");
        String party = unique("测试导入市委");
        String epb = unique("测试导入市环境保护局");
        String epbShort = unique("测试导入市环保局");
        String township = unique("测试导入镇");
        String onLincang = unique("临沧测试办");
        String file = "\uFEFF名称,上级单位,层级,类型,别名,启用日期\n"
                + city + ",,市级,地区,,\n"
                + party + "," + city + ",CITY,PARTY_COMMITTEE,,\r\n"
                + "\"" + epb + "\"," + city + ",市级,部门,\"" + epbShort + "、" + epb + "甲|" + epb + "乙\",2019-03-01\n"
                + "\n"
                + township + "," + epbShort + ",乡级,地区,,2019/3/1\n"
                + onLincang + ",市环保局,市级,办公室,,\n";

        UnitImportReport report = unitImport.load("tree.csv", csv(file));

        assertThat(report).isEqualTo(new UnitImportReport(5, 0, 0));
        Unit root = unit(city);
        assertThat(root.parentId()).isNull();
        assertThat(units.subtree(root.id())).extracting(Unit::name).containsExactly(city, party, epb, township);
        Unit bureau = unit(epb);
        assertThat(bureau.level()).isEqualTo(UnitLevel.CITY);
        assertThat(bureau.type()).isEqualTo(UnitType.DEPARTMENT);
        assertThat(bureau.validFrom()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(units.aliases(bureau.id())).containsExactlyInAnyOrder(epbShort, epb + "甲", epb + "乙");
        assertThat(unit(township).parentId()).isEqualTo(bureau.id());
        assertThat(unit(onLincang).parentId()).isEqualTo(unit("市环境保护局").id());
    }

    @Test
    void loading_the_same_file_twice_is_harmless_and_a_second_load_adds_only_new_aliases() {
        String city = unique("测试重复市");
        String bureau = unique("测试重复局");
        String first = "name,parent,level,type,aliases\n" + city + ",,CITY,REGION,\n" + bureau + "," + city + ",CITY,DEPARTMENT,简称" + bureau + "\n";
        assertThat(unitImport.load("a.csv", csv(first))).isEqualTo(new UnitImportReport(2, 0, 0));
        assertThat(unitImport.load("a.csv", csv(first))).isEqualTo(new UnitImportReport(0, 0, 2));

        String second = "name,parent,level,type,aliases\n" + city + ",,CITY,REGION,\n"
                + bureau + "," + city + ",CITY,DEPARTMENT,简称" + bureau + "|旧称" + bureau + "\n";
        assertThat(unitImport.load("b.csv", csv(second))).isEqualTo(new UnitImportReport(0, 1, 1));
        assertThat(units.aliases(unit(bureau).id())).containsExactlyInAnyOrder("简称" + bureau, "旧称" + bureau);
    }

    @Test
    void an_xlsx_tree_loads_with_columns_in_any_order_dates_and_formulas_read_as_their_values() {
        String county = unique("测试表格县");
        String government = unique("测试表格县人民政府");
        byte[] file = xlsx(
                new Object[]{"类型", "名称", "别名", "层级", "上级单位", "启用日期", "备注"},
                new Object[]{"地区", county, null, "县级", "临沧市", LocalDate.of(2019, 1, 15), "新设"},
                new Object[]{"政府", government, "=\"" + county + "\"&\"政府\"", "县级", county, null, null});

        UnitImportReport report = unitImport.load("tree.xlsx", new ByteArrayInputStream(file));

        assertThat(report.created()).isEqualTo(2);
        Unit c = unit(county);
        assertThat(c.parentId()).isEqualTo(unit("临沧市").id());
        assertThat(c.level()).isEqualTo(UnitLevel.COUNTY);
        assertThat(c.validFrom()).isEqualTo(LocalDate.of(2019, 1, 15));
        assertThat(units.aliases(unit(government).id())).containsExactly(county + "政府");
    }

    @Test
    void a_gb18030_csv_as_excel_saves_it_on_a_chinese_windows_loads_too() {
        String city = unique("测试编码市");
        byte[] file = ("名称,上级单位,层级,类型\n" + city + ",,市级,地区\n").getBytes(Charset.forName("GB18030"));

        assertThat(unitImport.load("gbk.csv", new ByteArrayInputStream(file)).created()).isEqualTo(1);
        assertThat(units.resolve(city)).isPresent();
    }

    // ---- refusals: nothing of a bad file is stored

    @Test
    void a_file_with_one_bad_row_in_the_middle_is_rejected_by_that_row_and_nothing_of_it_is_stored() {
        String city = unique("测试坏行市");
        List<String> good = List.of(city, unique("测试坏行甲局"), unique("测试坏行乙局"), unique("测试坏行丙局"), unique("测试坏行丁局"));
        String file = "名称,上级单位,层级,类型,别名\n"
                + good.get(0) + ",,市级,地区,\n"
                + good.get(1) + "," + city + ",市级,部门,\n"
                + good.get(2) + "," + city + ",市级,部门,\n"
                + unique("测试坏行错局") + ",没有这个单位,市级,部门,\n"
                + good.get(3) + "," + city + ",市级,部门,\n"
                + good.get(4) + "," + good.get(1) + ",市级,办公室,\n";

        UnitImportRejected rejected = rejected(() -> unitImport.load("bad.csv", csv(file)));

        assertThat(rejected.messageKey()).isEqualTo("unitImport.rejected");
        assertThat(rejected.rowErrors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(5);
            assertThat(e.messageKey()).isEqualTo("unitImport.parentUnknown");
            assertThat(e.args()).containsExactly("没有这个单位");
        });
        good.forEach(name -> assertThat(units.resolve(name)).as(name).isEmpty());
    }

    @Test
    void every_bad_row_is_reported_at_once_with_its_own_reason() {
        String city = unique("测试多错市");
        String dup = unique("测试多错局");
        String file = "名称,上级单位,层级,类型,别名,启用日期\n"
                + city + ",,市级,地区,,\n"                       // 2 fine
                + ",临沧市,市级,部门,,\n"                          // 3 no name
                + dup + "," + city + ",市级局,部门,,\n"             // 4 unknown level
                + unique("测试多错办") + "," + city + ",市级,科室,,\n"  // 5 unknown type
                + unique("测试多错中心") + "," + city + ",市级,部门,,2019-13-01\n" // 6 bad date
                + dup + "," + city + ",市级,部门,,\n"               // 7 duplicate of row 4
                + "临沧市人民政府," + city + ",市级,政府,,\n"         // 8 exists under another parent
                + "市环保局," + city + ",市级,部门,,\n"              // 9 an alias of 市环境保护局
                + "各县区党委," + city + ",县级,党委,,\n"            // 10 a group's name
                + unique("测试多错站") + "," + city + ",市级,部门,市政府,\n" // 11 alias taken
                + unique("测试多错所") + ",各县区政府,县级,部门,,\n"   // 12 a group as parent
                + unique("测试多错队") + "," + unique("后面的") + ",市级,部门,,\n"; // 13 unknown parent

        UnitImportRejected rejected = rejected(() -> unitImport.load("bad.csv", csv(file)));

        assertThat(rejected.rowErrors()).extracting(RowError::row, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "unitImport.nameRequired"),
                org.assertj.core.groups.Tuple.tuple(4, "unitImport.levelUnknown"),
                org.assertj.core.groups.Tuple.tuple(5, "unitImport.typeUnknown"),
                org.assertj.core.groups.Tuple.tuple(6, "unitImport.dateInvalid"),
                org.assertj.core.groups.Tuple.tuple(7, "unitImport.duplicateRow"),
                org.assertj.core.groups.Tuple.tuple(8, "unitImport.nameUnderOtherParent"),
                org.assertj.core.groups.Tuple.tuple(9, "unitImport.nameIsAlias"),
                org.assertj.core.groups.Tuple.tuple(10, "unitImport.nameIsGroup"),
                org.assertj.core.groups.Tuple.tuple(11, "unitImport.aliasTaken"),
                org.assertj.core.groups.Tuple.tuple(12, "unitImport.parentIsGroup"),
                org.assertj.core.groups.Tuple.tuple(13, "unitImport.parentUnknown"));
        assertThat(rejected.args()).containsExactly(11);
        assertThat(units.resolve(city)).isEmpty();
    }

    @Test
    void a_parent_must_come_before_its_sub_units_and_a_bad_parent_row_is_named_by_its_children() {
        String city = unique("测试顺序市");
        String bureau = unique("测试顺序局");
        String office = unique("测试顺序办");
        String file = "名称,上级单位,层级,类型\n"
                + bureau + "," + city + ",市级,部门\n"     // 2 parent comes later
                + city + ",,市级,地区\n"                   // 3
                + office + "," + bureau + ",市级,办公室\n"; // 4 parent row is wrong

        UnitImportRejected rejected = rejected(() -> unitImport.load("order.csv", csv(file)));

        assertThat(rejected.rowErrors()).extracting(RowError::row, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "unitImport.parentLater"),
                org.assertj.core.groups.Tuple.tuple(4, "unitImport.parentRowInvalid"));
        assertThat(rejected.rowErrors().get(0).args()).containsExactly(city, 3);
    }

    @Test
    void a_file_that_is_neither_csv_nor_xlsx_is_rejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(rejected(() -> unitImport.load("tree.csv", new ByteArrayInputStream(png))).messageKey())
                .isEqualTo("unitImport.unsupportedFormat");
        assertThat(rejected(() -> unitImport.load("tree.xlsx", new ByteArrayInputStream(UnitFiles.docx()))).messageKey())
                .isEqualTo("unitImport.unsupportedFormat");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(rejected(() -> unitImport.load("tree.xls", new ByteArrayInputStream(xls))).messageKey())
                .isEqualTo("unitImport.legacyXls");
        byte[] truncatedZip = java.util.Arrays.copyOf(xlsx(new Object[]{"名称"}), 200);
        assertThat(rejected(() -> unitImport.load("tree.xlsx", new ByteArrayInputStream(truncatedZip))).messageKey())
                .isEqualTo("unitImport.unsupportedFormat");
    }

    @Test
    void an_empty_file_or_one_with_only_a_header_is_rejected() {
        assertThat(rejected(() -> unitImport.load("empty.csv", csv(""))).messageKey()).isEqualTo("unitImport.empty");
        assertThat(rejected(() -> unitImport.load("blank.csv", csv("\uFEFF\n ,, \n"))).messageKey()).isEqualTo("unitImport.empty");
        assertThat(rejected(() -> unitImport.load("header.csv", csv("名称,上级单位,层级,类型\n"))).messageKey())
                .isEqualTo("unitImport.noRows");
        assertThat(rejected(() -> unitImport.load("header.xlsx", new ByteArrayInputStream(xlsx(new Object[]{"名称", "上级单位", "层级", "类型"}))))
                .messageKey()).isEqualTo("unitImport.noRows");
    }

    @Test
    void a_file_with_wrong_headers_is_rejected_naming_the_missing_and_unknown_columns() {
        UnitImportRejected rejected = rejected(() -> unitImport.load("wrong.csv", csv("单位,上级,级别别,种类\n某局,临沧市,市级,部门\n")));

        assertThat(rejected.rowErrors()).extracting(RowError::row).containsOnly(1);
        assertThat(rejected.rowErrors()).extracting(RowError::messageKey)
                .contains("unitImport.header.unknown", "unitImport.header.missing");
        RowError missing = rejected.rowErrors().stream().filter(e -> e.messageKey().equals("unitImport.header.missing")).findFirst().orElseThrow();
        assertThat((String) missing.args()[0]).contains("层级（level）", "类型（type）");

        assertThat(rejected(() -> unitImport.loadGroups("tree-as-groups.csv", csv("名称,上级单位,层级,类型\n某局,临沧市,市级,部门\n")))
                .rowErrors()).extracting(RowError::messageKey).contains("unitImport.header.missing");
    }

    @Test
    void merged_cells_where_the_data_is_are_rejected() {
        String county = unique("测试合并县");
        byte[] file = xlsx(new CellRangeAddress(2, 3, 1, 1),
                new Object[]{"名称", "上级单位", "层级", "类型"},
                new Object[]{county, "临沧市", "县级", "地区"},
                new Object[]{unique("测试合并甲"), county, "县级", "部门"},
                new Object[]{unique("测试合并乙"), null, "县级", "部门"});

        UnitImportRejected rejected = rejected(() -> unitImport.load("merged.xlsx", new ByteArrayInputStream(file)));

        assertThat(rejected.rowErrors()).anySatisfy(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.messageKey()).isEqualTo("unitImport.mergedCells");
            assertThat(e.args()).containsExactly("B3:B4");
        });
        assertThat(units.resolve(county)).isEmpty();
    }

    @Test
    void a_file_over_the_size_or_row_limit_is_rejected_before_anything_is_read() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(rejected(() -> unitImport.load("big.csv", new ByteArrayInputStream(big))))
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("unitImport.tooLarge"))
                .satisfies(e -> assertThat(e.args()).containsExactly("5 MB"));

        StringBuilder rows = new StringBuilder("名称,上级单位,层级,类型\n");
        for (int i = 0; i <= 10_000; i++) {
            rows.append("测试超限").append(i).append(",临沧市,市级,部门\n");
        }
        assertThat(rejected(() -> unitImport.load("many.csv", csv(rows.toString()))))
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("unitImport.tooManyRows"));
        assertThat(units.resolve("测试超限1")).isEmpty();
    }

    @Test
    void a_zip_that_unpacks_to_too_much_is_refused() {
        byte[] bomb = UnitFiles.zipOf("xl/worksheets/sheet1.xml", 150L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(rejected(() -> unitImport.load("bomb.xlsx", new ByteArrayInputStream(bomb))).messageKey())
                .isEqualTo("unitImport.zipBomb");
    }

    @Test
    void a_csv_with_an_unclosed_quote_is_rejected_at_the_row_where_the_quote_opens() {
        UnitImportRejected rejected = rejected(() -> unitImport.load("quote.csv",
                csv("名称,上级单位,层级,类型\n测试引号局,临沧市,市级,部门\n\"测试引号办,临沧市,市级,部门\n")));

        assertThat(rejected.rowErrors()).extracting(RowError::row, RowError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "unitImport.unclosedQuote"));
    }

    // ---- groups

    @Test
    void groups_load_from_csv_and_loading_again_replaces_their_members() {
        String group = unique("测试各县委");
        String file = "单位组,成员单位,说明\n" + group + ",临翔区委、凤庆县党委|云县党委,测试用\n";

        assertThat(unitImport.loadGroups("groups.csv", csv(file))).isEqualTo(new UnitImportReport(1, 0, 0));
        UnitGroup loaded = units.group(units.resolve(group).orElseThrow().id());
        assertThat(loaded.memberIds()).containsExactlyInAnyOrder(unit("临翔区党委").id(), unit("凤庆县党委").id(), unit("云县党委").id());
        assertThat(loaded.description()).isEqualTo("测试用");

        assertThat(unitImport.loadGroups("groups.csv", csv(file))).isEqualTo(new UnitImportReport(0, 0, 1));
        String changed = "group,members\n" + group + ",临翔区党委|永德县党委\n";
        assertThat(unitImport.loadGroups("groups.csv", csv(changed))).isEqualTo(new UnitImportReport(0, 1, 0));
        assertThat(units.group(loaded.id()).memberIds()).containsExactlyInAnyOrder(unit("临翔区党委").id(), unit("永德县党委").id());
        assertThat(units.group(loaded.id()).description()).isEqualTo("测试用");
    }

    @Test
    void a_group_file_with_an_unknown_member_is_rejected_and_stores_no_group() {
        String good = unique("测试好组");
        String bad = unique("测试坏组");
        String file = "单位组,成员单位\n" + good + ",临翔区党委\n" + bad + ",临翔区党委|没有这个单位|各县区党委\n"
                + "市环境保护局,临翔区党委\n,临翔区党委\n" + unique("测试空组") + ",\n";

        UnitImportRejected rejected = rejected(() -> unitImport.loadGroups("groups.csv", csv(file)));

        assertThat(rejected.rowErrors()).extracting(RowError::row, RowError::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "unitImport.memberUnknown"),
                org.assertj.core.groups.Tuple.tuple(3, "unitImport.memberIsGroup"),
                org.assertj.core.groups.Tuple.tuple(4, "unitImport.groupNameIsUnit"),
                org.assertj.core.groups.Tuple.tuple(5, "unitImport.groupRequired"),
                org.assertj.core.groups.Tuple.tuple(6, "unitImport.membersRequired"));
        assertThat(units.resolve(good)).isEmpty();
    }

    // ----

    private Unit unit(String name) {
        return units.get(units.resolve(name).orElseThrow(() -> new AssertionError("no unit " + name)).id());
    }

    private static UnitImportRejected rejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        UnitImportRejected e = catchThrowableOfType(UnitImportRejected.class, call);
        assertThat(e).as("the import was rejected").isNotNull();
        return e;
    }

    private static List<String> demoLines(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).toList();
        }
    }
}
