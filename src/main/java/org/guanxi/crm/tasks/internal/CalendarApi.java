package org.guanxi.crm.tasks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks")
class CalendarApi {

  private final CalendarService calendars;

  CalendarApi(CalendarService calendars) {
    this.calendars = calendars;
  }

  @GetMapping("/api/v1/calendar")
  @PreAuthorize("hasAuthority('TASK_READ')")
  @Operation(
      summary = "A calendar of tasks, meetings and visits",
      description =
          "from and to (dates, inclusive, at most 42 days); userId: a colleague you may give records to (a"
              + " manager's team), default you. Per day: tasks due (all day first, then by time) and the meetings"
              + " and visits recorded.")
  Calendar calendar(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam LocalDate from,
      @RequestParam LocalDate to,
      @RequestParam(required = false) @Nullable UUID userId) {
    return calendars.of(user, userId, from, to);
  }
}
