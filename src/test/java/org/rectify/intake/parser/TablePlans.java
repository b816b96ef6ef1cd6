package org.rectify.intake.parser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Generated plans whose task list is a .docx table in the 清单 layout, as a province attaches it. */
final class TablePlans {

    private static final String[] HEADER = {"序号", "反馈问题", "整改目标", "整改措施", "责任领导", "责任单位",
        "配合单位", "整改时限"};
    private static final String[] TIMES = {"2018年底前", "年底前", "2019年6月底前", "长期坚持", "反馈后3个月内",
        "2018—2020年", "每年3月底前"};

    private TablePlans() {
    }

    /** A plan of {@code rows} task rows, a finding every 10 rows, the header repeated every 40. */
    static byte[] docx(int rows) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("某省贯彻落实中央环境保护督察反馈意见整改方案");
            doc.createParagraph().createRun().setText("时间:2018-03-15");
            doc.createParagraph().createRun().setText("附件：整改措施清单");
            XWPFTable t = doc.createTable(1, HEADER.length);
            fill(t.getRow(0), HEADER);
            for (int i = 1; i <= rows; i++) {
                if (i % 40 == 0) {
                    fill(t.createRow(), HEADER);
                }
                fill(t.createRow(), Integer.toString(i), i % 10 == 1 ? "第" + (i / 10 + 1) + "个问题：部分城镇污水处理设施不完善" : "",
                    "到2020年，城市污水处理率达到95%以上", "加强管网建设，" + TIMES[i % TIMES.length]
                        + "完成第" + i + "项整治。\n每季度至少开展1次检查。",
                    "副省长", "省住房城乡建设厅、生态环境厅", "各州市人民政府", TIMES[(i + 3) % TIMES.length]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void fill(XWPFTableRow r, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String[] paragraphs = cells[i].split("\n", -1);
            var c = r.getCell(i) != null ? r.getCell(i) : r.addNewTableCell();
            c.getParagraphs().get(0).createRun().setText(paragraphs[0]);
            for (int p = 1; p < paragraphs.length; p++) {
                c.addParagraph().createRun().setText(paragraphs[p]);
            }
        }
    }
}
