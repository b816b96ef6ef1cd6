package org.rectify.intake.parser;

/** How a written unit name was matched to the unit tree (shown on the review screen next to the unit). */
public enum ResolutionRule {
    /** The tree knows the name as written (a name, an alias or a group). */
    AS_WRITTEN,
    /** Only with 与/和 dropped or added: 住房和城乡建设局 = 住房城乡建设局. */
    CONJUNCTION,
    /** 人民政府 written as 政府, or the other way round. */
    GOVERNMENT,
    /** 委 written for 委员会, or the other way round: 发展改革委 = 发展改革委员会. */
    COMMITTEE,
    /** A name a unit had before the 2018 reorganisation of government bodies: 环境保护局 → 生态环境局. */
    FORMER_NAME,
    /** The office chose the unit on the review screen. */
    CHOSEN
}
