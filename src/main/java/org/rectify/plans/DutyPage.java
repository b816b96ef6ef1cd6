package org.rectify.plans;

import java.util.List;

/** A page of lead and of supporting duties ({@link OpenDuties#page}), and how many of each there are on every page. */
public record DutyPage(List<UnitDuty> lead, List<UnitDuty> supporting, int leadTotal, int supportingTotal) {
}
