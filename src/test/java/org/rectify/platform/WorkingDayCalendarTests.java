package org.rectify.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.rectify.DemoLogins.admin;
import static org.rectify.DemoLogins.epbStaff;
import static org.rectify.DemoLogins.office;
import static org.rectify.platform.WorkingCalendar.DayCount.WORKING_DAYS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's working-day calendar: the 2026 arrangement shipped with the schema counts "5个工作日" over
 * 国庆 and 春节 with their make-up working days; a change counts at once; the page and the API are the
 * administrator's only. Changes are made on 2031, a year no other test reads.
 */
@IntegrationTest
@RecordApplicationEvents
class WorkingDayCalendarTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void forget2031() {
        jdbc.update("delete from calendar_day where day >= '2031-01-01' and day <= '2031-12-31'");
        jdbc.update("update calendar_version set version = version + 1");
    }

    @Test
    void five_working_days_over_national_day_and_the_spring_festival_follow_the_2026_arrangement() {
        assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 29), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(calendar.periodEnd(LocalDate.of(2026, 2, 12), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(calendar.periodEnd(LocalDate.of(2026, 2, 25), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("元旦's Sunday worked").isTrue();
    }

    @Test
    void the_administrator_sets_and_removes_a_day_and_the_count_follows_at_once() throws Exception {
        // 2031-10-01 is a Wednesday: without an arrangement five working days from 9/30 end on 10/7
        assertThat(calendar.periodEnd(LocalDate.of(2031, 9, 30), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2031, 10, 7));
        mvc.perform(post("/admin/calendar/days").with(admin()).with(csrf())
                        .param("year", "2031").param("day", "2031-10-01").param("kind", "HOLIDAY").param("name", "国庆节"))
                .andExpect(redirectedUrl("/admin/calendar?year=2031"))
                .andExpect(flash().attribute("flash", "2031-10-01 已设为国庆节。"));
        assertThat(calendar.periodEnd(LocalDate.of(2031, 9, 30), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2031, 10, 8));
        mvc.perform(get("/admin/calendar").param("year", "2031").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2031年工作日历")))
                .andExpect(content().string(containsString("国庆节")));
        mvc.perform(post("/admin/calendar/days/remove").with(admin()).with(csrf()).param("day", "2031-10-01"))
                .andExpect(redirectedUrl("/admin/calendar?year=2031"));
        assertThat(calendar.periodEnd(LocalDate.of(2031, 9, 30), 5, WORKING_DAYS)).isEqualTo(LocalDate.of(2031, 10, 7));
        assertThat(events.stream(WorkingDaysChanged.class).map(WorkingDaysChanged::auditAction))
                .containsExactly("calendar.day-set", "calendar.day-removed");
    }

    @Test
    void a_year_imported_from_a_list_replaces_the_year_and_a_bad_list_keeps_nothing() throws Exception {
        mvc.perform(put("/api/admin/calendar/2031").with(admin()).contentType(MediaType.TEXT_PLAIN)
                        .content("2031-10-01~2031-10-07 休 国庆节\n2031-10-11 班 国庆节\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[7].kind").value("WORKDAY"));
        mvc.perform(get("/api/admin/calendar/period-end").with(admin())
                        .param("start", "2031-09-30").param("days", "5"))
                .andExpect(jsonPath("$.end").value("2031-10-13")); // 10/8, 10/9, 10/10, Saturday 10/11 worked, 10/13
        mvc.perform(post("/admin/calendar/import").with(admin()).with(csrf()).param("year", "2031")
                        .param("text", "2031-05-01~2031-05-05 休 劳动节\n2031-05-06 班 劳动节"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 行：2031-05-06 不是周六或周日，不能设为调休上班。")));
        assertThat(jdbc.queryForObject("select count(*) from calendar_day where day between '2031-01-01' and '2031-12-31'",
                Integer.class)).isEqualTo(8);
        mvc.perform(post("/api/admin/calendar/days").with(admin()).param("lang", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"2031-06-02\",\"kind\":\"WORKDAY\",\"name\":\"端午节\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fieldErrors.day").value(containsString("is not a Saturday or Sunday")));
        mvc.perform(delete("/api/admin/calendar/days/2031-10-11").with(admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/admin/calendar/2031").with(admin())).andExpect(jsonPath("$.length()").value(7));
        mvc.perform(get("/admin/calendar").param("year", "2031").with(admin()))
                .andExpect(content().string(containsString("7天"))); // the holiday as one row, as the notice writes it
        mvc.perform(post("/admin/calendar/days/remove").with(admin()).with(csrf()).param("day", "2031-10-01").param("to", "2031-10-07"))
                .andExpect(flash().attribute("flash", "2031-10-01 ~ 2031-10-07 已移除，按星期计算。"));
        mvc.perform(get("/api/admin/calendar/2031").with(admin())).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void only_the_administrator_reaches_the_calendar_page_and_api() throws Exception {
        mvc.perform(get("/admin/calendar").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/admin/calendar/2026").with(admin()))
                .andExpect(jsonPath("$[0].day").value("2026-01-01")).andExpect(jsonPath("$[0].name").value("元旦"));
        for (var other : new org.springframework.test.web.servlet.request.RequestPostProcessor[]{office(), epbStaff()}) {
            mvc.perform(get("/admin/calendar").with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/api/admin/calendar/2026").with(other)).andExpect(status().isForbidden());
            mvc.perform(put("/api/admin/calendar/2031").with(other).contentType(MediaType.TEXT_PLAIN)
                    .content("2031-10-01 休 国庆节")).andExpect(status().isForbidden());
            mvc.perform(post("/admin/calendar/days").with(other).with(csrf())
                    .param("year", "2031").param("day", "2031-10-01").param("kind", "HOLIDAY").param("name", "国庆节"))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from calendar_day where day between '2031-01-01' and '2031-12-31'",
                Integer.class)).isZero();
        mvc.perform(get("/admin/calendar")).andExpect(status().is3xxRedirection());
    }
}
