package org.guanxi.crm.tasks.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar page: a day, a week (from Monday) or a month (the weeks that hold it) of one's own
 * tasks, meetings and visits, or of a team member's for a manager.
 */
@Controller
class CalendarPages {

  /** The views of the page. */
  enum View {
    DAY,
    WEEK,
    MONTH
  }

  private final CalendarService calendars;
  private final Owners owners;
  private final WorkspaceTime time;

  CalendarPages(CalendarService calendars, Owners owners, WorkspaceTime time) {
    this.calendars = calendars;
    this.owners = owners;
    this.time = time;
  }

  @GetMapping("/calendar")
  @PreAuthorize("hasAuthority('TASK_READ')")
  String calendar(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String view,
      @RequestParam(required = false) @Nullable String date,
      @RequestParam(required = false) @Nullable UUID userId,
      Model model) {
    View shown = FormFields.orNone(view, v -> View.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
    if (shown == null) {
      shown = View.WEEK;
    }
    LocalDate day = FormFields.orNone(date, CalendarPages::day);
    if (day == null) {
      day = time.today();
    }
    LocalDate from;
    LocalDate to;
    LocalDate previous;
    LocalDate next;
    switch (shown) {
      case DAY -> {
        from = day;
        to = day;
        previous = day.minusDays(1);
        next = day.plusDays(1);
      }
      case WEEK -> {
        from = day.with(DayOfWeek.MONDAY);
        to = from.plusDays(6);
        previous = day.minusWeeks(1);
        next = day.plusWeeks(1);
      }
      default -> {
        YearMonth month = YearMonth.from(day);
        from = month.atDay(1).with(DayOfWeek.MONDAY);
        to = month.atEndOfMonth().with(DayOfWeek.SUNDAY);
        previous = day.minusMonths(1);
        next = day.plusMonths(1);
      }
    }
    Calendar calendar = calendars.of(user, userId, from, to);
    model.addAttribute("calendar", calendar);
    model.addAttribute("view", shown.name().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute("date", day);
    model.addAttribute("today", time.today());
    model.addAttribute("month", YearMonth.from(day));
    model.addAttribute("previous", previous);
    model.addAttribute("next", next);
    model.addAttribute("colleagues", owners.assignable(user));
    return "tasks/calendar";
  }

  /** A day of a link; one that is not a date counts as none (today is shown). */
  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
