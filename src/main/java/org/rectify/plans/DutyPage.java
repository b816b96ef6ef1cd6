package org.rectify.plans;

import java.util.List;
import java.util.Map;

/**
 * A page of lead and of supporting duties ({@link OpenDuties#page}), how many of each there are on every page, and the
 * titles of the plans the page's duties fall in, by plan id.
 */
public record DutyPage(List<UnitDuty> lead, List<UnitDuty> supporting, int leadTotal, int supportingTotal,
                       Map<Long, String> planTitles) {
}
