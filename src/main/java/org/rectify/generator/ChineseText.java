package org.rectify.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic Chinese text from the seed plan (the 临沧 2018 rectification plan's headings and sentences) and place
 * names built from two characters, unique within a run. Deterministic for a given {@link Random}.
 */
final class ChineseText {

    static final int DEPARTMENTS = 8;
    private static final String[] PROVINCE_DEPARTMENTS = {"生态环境厅", "自然资源厅", "住房和城乡建设厅", "水利厅",
            "农业农村厅", "林业和草原局", "工业和信息化厅", "发展和改革委员会"};
    private static final String[] LOCAL_DEPARTMENTS = {"生态环境局", "自然资源局", "住房和城乡建设局", "水务局",
            "农业农村局", "林业和草原局", "工业和信息化局", "发展和改革局"};
    private static final String CHARACTERS = "青云江河山林泉溪湖海松柏桂兰梅竹石岭峰川源泽湾洲滨沙宁安康平泰和顺昌隆兴盛永丰富华明清澄碧翠"
            + "金银玉宝瑞祥福寿长乐德仁义礼信嘉庆阳东西南北中新古龙凤鹤鹿鸿雁禾田桑麻茶橙荔榕樟杉枫桐柳杨槐岩崖峡潭";
    private static final String[] DELIVERABLES = {"制定工作方案", "完成排查摸底", "完成阶段整改", "建立长效机制",
            "通过验收销号", "完成问题整改", "形成整改报告", "完成设施建设"};
    private static final String[] PROBLEMS = {"资金缺口较大,项目推进受到影响。", "涉及群众搬迁,协调难度较大。",
            "部门间协作机制尚不健全。", "雨季施工受限,工期有所延后。"};
    private static final String[] NEXT_STEPS = {"下一步将加大督促检查力度,确保按期完成。", "继续推进项目建设,每月跟踪调度。",
            "组织开展专项检查,巩固整改成效。", "完善长效管理机制,防止问题反弹。"};

    private final List<String> titles = lines("titles.txt");
    private final List<String> sentences = lines("sentences.txt");
    private final Random random;
    private final Set<String> stems = new HashSet<>();

    ChineseText(Random random) {
        this.random = random;
    }

    /** Two characters no other place of this run has. */
    String placeStem() {
        while (true) {
            char a = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
            char b = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
            String stem = "" + a + b;
            if (a != b && stems.add(stem)) {
                return stem;
            }
        }
    }

    static String department(String region, boolean province, int i) {
        return region + (province ? PROVINCE_DEPARTMENTS[i] : LOCAL_DEPARTMENTS[i]);
    }

    String title() {
        return pick(titles);
    }

    /** A sentence of the seed plan, told of the given region instead of 临沧. */
    String sentence(String region) {
        return pick(sentences).replace("临沧市", region).replace("临沧", region);
    }

    String deliverable() {
        return DELIVERABLES[random.nextInt(DELIVERABLES.length)];
    }

    String problem() {
        return PROBLEMS[random.nextInt(PROBLEMS.length)];
    }

    String nextStep() {
        return NEXT_STEPS[random.nextInt(NEXT_STEPS.length)];
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> lines(String file) {
        try (InputStream in = ChineseText.class.getResourceAsStream("/generator/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
