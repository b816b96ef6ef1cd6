package org.rectify.generator;

import java.util.List;
import java.util.Map;

/**
 * What a run wrote: the province's root unit, the plans, the rows per table and the time each step took, the sample accounts (username and
 * role, one per role and level) and the password, which is printed only when the generator chose it.
 */
public record GeneratedProvince(long provinceUnitId, String provinceName, List<Long> planIds, Map<String, Long> rows, Map<String, Long> millis,
                                List<String> sampleAccounts, String password, boolean passwordGenerated, long totalMillis) {
}
