package org.rectify.intake.parser;

import java.time.LocalDate;

/**
 * A recurring duty, e.g. 每年研究部署环境保护工作不少于4次 = at least 4 per year.
 *
 * @param per  one of {@code week}, {@code month}, {@code quarter}, {@code year}
 * @param from the first day the duty applies ({@code 2017年起} = 2017-01-01), or null
 */
public record Obligation(String subject, int atLeast, String per, LocalDate from, String phrase) {
}
