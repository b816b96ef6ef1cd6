package org.rectify.platform.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.WorkingCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The administrator's working-day calendar: a year's holidays and make-up working days (ADMIN only, as all /admin). */
@Controller
class CalendarController {

    /** A day to set: {@code {"day": "2026-10-10", "kind": "WORKDAY", "name": "国庆节"}}. */
    record DayForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, CalendarDay.Kind kind, String name) {
    }

    /** When a period of {@code days} counted from {@code start} ends. */
    record PeriodEnd(LocalDate start, int days, WorkingCalendar.DayCount count, LocalDate end) {
    }

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final AdministeredCalendar calendar;
    private final Messages messages;
    private final Clock clock;

    CalendarController(AdministeredCalendar calendar, Messages messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year == null ? LocalDate.now(clock).getYear() : year);
        return page(y, new DayForm(null, CalendarDay.Kind.HOLIDAY, null), null, Map.of(), model);
    }

    @PostMapping("/admin/calendar/days")
    String set(DayForm form, @RequestParam int year, Model model, RedirectAttributes redirect) {
        try {
            CalendarDay day = calendar.set(form.day(), form.kind(), form.name());
            redirect.addFlashAttribute("flash", messages.text("calendar.set", day.day().toString(), day.name()));
            return "redirect:/admin/calendar?year=" + day.day().getYear();
        } catch (InvalidInputException e) {
            return page(year(year), form, null, messages.fields(e), model);
        }
    }

    @PostMapping("/admin/calendar/days/remove")
    String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  RedirectAttributes redirect) {
        LocalDate last = to == null || to.isBefore(day) || to.getYear() != day.getYear() ? day : to;
        calendar.remove(day, last);
        redirect.addFlashAttribute("flash", messages.text("calendar.removed",
                day + (last.equals(day) ? "" : " ~ " + last)));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/admin/calendar/import")
    String importYear(@RequestParam int year, @RequestParam(required = false) String text, Model model,
                      RedirectAttributes redirect) {
        try {
            List<CalendarDay> days = calendar.importYear(year(year), text);
            redirect.addFlashAttribute("flash", messages.text("calendar.imported", year, days.size()));
            return "redirect:/admin/calendar?year=" + year;
        } catch (InvalidInputException e) {
            return page(year(year), new DayForm(null, CalendarDay.Kind.HOLIDAY, null), text, messages.fields(e), model);
        }
    }

    @GetMapping("/api/admin/calendar/{year}")
    @ResponseBody
    @Operation(summary = "A year's public holidays (HOLIDAY) and make-up working days (WORKDAY); other days count by weekday")
    List<CalendarDay> apiYear(@PathVariable int year) {
        return calendar.year(year(year));
    }

    @PutMapping(path = "/api/admin/calendar/{year}", consumes = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    @Operation(summary = "Replace a year with a list, one line each: 2026-10-01~2026-10-07 休 国庆节 / 2026-10-10 班 国庆节")
    List<CalendarDay> apiImport(@PathVariable int year, @RequestBody String text) {
        return calendar.importYear(year(year), text);
    }

    @PostMapping("/api/admin/calendar/days")
    @ResponseBody
    @Operation(summary = "Set one day: a holiday or a make-up working day (a Saturday or Sunday), with the holiday's name")
    ResponseEntity<CalendarDay> apiSet(@RequestBody DayForm form) {
        return ResponseEntity.status(201).body(calendar.set(form.day(), form.kind(), form.name()));
    }

    @DeleteMapping("/api/admin/calendar/days/{day}")
    @ResponseBody
    @Operation(summary = "Remove a day's entry: it counts by its weekday again")
    ResponseEntity<Void> apiRemove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.remove(day);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/calendar/period-end")
    @ResponseBody
    @Operation(summary = "The last day of a period of N days starting the day after start, in WORKING_DAYS or CALENDAR_DAYS")
    PeriodEnd apiPeriodEnd(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                           @RequestParam int days,
                           @RequestParam(defaultValue = "WORKING_DAYS") WorkingCalendar.DayCount count) {
        if (days < 1 || days > 366) {
            throw new InvalidInputException(Map.of("days", "calendar.daysRange"), "calendar.daysRange");
        }
        return new PeriodEnd(start, days, count, calendar.periodEnd(start, days, count));
    }

    private String page(int year, DayForm form, String importText, Map<String, String> fieldErrors, Model model) {
        List<CalendarDay> days = calendar.year(year);
        model.addAttribute("view", CalendarYearView.of(year, days));
        model.addAttribute("days", days);
        model.addAttribute("form", form);
        model.addAttribute("importText", importText);
        model.addAttribute("fieldErrors", fieldErrors);
        return "platform/calendar";
    }

    private static int year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException(Map.of("year", "calendar.yearRange"), "calendar.yearRange", FIRST_YEAR, LAST_YEAR);
        }
        return year;
    }
}
