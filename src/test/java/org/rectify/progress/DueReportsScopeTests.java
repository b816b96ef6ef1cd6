package org.rectify.progress;

import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.rectify.access.DataScope;
import org.rectify.plans.Plans;
import org.rectify.units.Units;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose reporting a scope reads in the due reports that circulars and the dashboard count: the city office every lead
 * unit of its plan; a county office on the same city plan only its own county's units, never its siblings'.
 */
@IntegrationTest
class DueReportsScopeTests {

    @Autowired
    DueReports dueReports;
    @Autowired
    Plans plans;
    @Autowired
    Units units;

    @Test
    void a_county_office_counts_its_own_countys_reporting_on_a_city_plan_and_not_its_siblings() {
        long plan = plans.findByTitle(org.rectify.Demo.PLAN_TITLE).orElseThrow();
        LocalDate today = LocalDate.now();
        String city = units.get(units.resolve("临沧市").orElseThrow().id()).path();
        String county = units.get(units.resolve("临翔区").orElseThrow().id()).path();

        List<DueReport> cityOffice = dueReports.between(today.minusYears(1), today.plusMonths(1), plan, DataScope.ofJurisdiction(city));
        List<DueReport> countyOffice = dueReports.between(today.minusYears(1), today.plusMonths(1), plan, DataScope.ofJurisdiction(county));

        assertThat(cityOffice).extracting(DueReport::unitName).contains("市环境保护局", "云县政府", "临翔区政府");
        assertThat(countyOffice).isNotEmpty()
                .allSatisfy(r -> assertThat(units.get(r.unitId()).path()).startsWith(county));
        assertThat(countyOffice).extracting(DueReport::unitName).doesNotContain("云县政府", "市环境保护局");
    }
}
