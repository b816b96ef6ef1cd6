package org.rectify.closure;

import java.time.LocalDate;
import java.util.List;

/**
 * The office's choice of closed tasks to look back on: in a plan, those of a section ({@code 二}, {@code 二(三)}), or
 * led from a unit's subtree, or named by their refs; the criteria given all apply. The checking unit defaults to
 * the plan's office unit.
 */
public record NewLookBackCampaign(Long planId, String title, String section, Long leadUnitId, List<String> refs,
                                  Long checkingUnitId, LocalDate dueOn) {

    public NewLookBackCampaign {
        refs = refs == null ? List.of() : refs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
