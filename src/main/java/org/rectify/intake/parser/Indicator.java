package org.rectify.intake.parser;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A quantitative target, e.g. 绿地率达到36%以上 = (绿地率, >=, 36, %).
 *
 * @param comparator one of {@code >=}, {@code <=}, {@code =}
 * @param unit       unit of measure as written (%, 平方米, 微克/立方米, 万吨 …)
 * @param due        the date governing the clause the target stands in, or null
 * @param phrase     the words the target was read from
 */
public record Indicator(String name, String comparator, BigDecimal value, String unit, LocalDate due, String phrase) {
}
