package org.guanxi.crm.tasks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The calendar of one's tasks, meetings and visits, day by day; a manager's view of a team
 * member's; and what others and bad input get.
 */
@GuanxiTest
class CalendarTests {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.now(SHANGHAI);

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member manager;
  Member rep;

  @BeforeEach
  void aRepsDayWithTasksAMeetingAndACall() throws Exception {
    workspace = workspaces.create();
    UUID team = workspace.team("华南销售部", null);
    manager = workspace.member(Role.MANAGER, team);
    rep = workspace.member(Role.SALES, team);
    String customer =
        create(rep, "/api/v1/customers", "{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}");
    create(
        rep,
        "/api/v1/tasks",
        "{\"title\": \"准备晨会\", \"dueOn\": \"%s\", \"dueTime\": \"10:00\"}".formatted(TODAY));
    create(rep, "/api/v1/tasks", "{\"title\": \"全天外出\", \"dueOn\": \"%s\"}".formatted(TODAY));
    String yesterdayAfternoon =
        TODAY.minusDays(1).atTime(14, 0).atZone(SHANGHAI).toInstant().toString();
    create(
        rep,
        "/api/v1/interactions",
        "{\"customerId\": \"%s\", \"channel\": \"MEETING\", \"summary\": \"季度业务会议\", \"occurredAt\": \"%s\", \"durationMinutes\": 90}"
            .formatted(customer, yesterdayAfternoon));
    create(
        rep,
        "/api/v1/interactions",
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"电话不进日历\", \"occurredAt\": \"%s\"}"
            .formatted(customer, yesterdayAfternoon));
  }

  @Test
  void theCalendarShowsTasksAllDayFirstAndTheMeetingsRecordedDayByDay() throws Exception {
    String period = "from=%s&to=%s".formatted(TODAY.minusDays(3), TODAY.plusDays(3));
    mvc.perform(get("/api/v1/calendar?" + period).header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.days", hasSize(7)))
        .andExpect(jsonPath("$.days[3].date").value(TODAY.toString()))
        .andExpect(jsonPath("$.days[3].entries[*].title", contains("全天外出", "准备晨会")))
        .andExpect(jsonPath("$.days[3].entries[1].time").value("10:00:00"))
        .andExpect(jsonPath("$.days[2].entries[*].kind", contains("MEETING")))
        .andExpect(jsonPath("$.days[2].entries[0].title").value("季度业务会议"))
        .andExpect(jsonPath("$.days[2].entries[0].durationMinutes").value(90));
    mvc.perform(
            get("/api/v1/calendar?" + period + "&userId=" + rep.id())
                .header("Authorization", manager.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userName").value("Test " + rep.username()))
        .andExpect(jsonPath("$.days[3].entries", hasSize(2)));
  }

  @Test
  void othersCalendarsBadInputAndStrangersAreRefused() throws Exception {
    String period = "from=%s&to=%s".formatted(TODAY, TODAY.plusDays(6));
    Member otherManager = workspace.member(Role.MANAGER, workspace.team("华北销售部", null));
    mvc.perform(
            get("/api/v1/calendar?" + period + "&userId=" + rep.id())
                .header("Authorization", otherManager.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("userId"));
    mvc.perform(
            get("/api/v1/calendar?" + period + "&userId=" + manager.id())
                .header("Authorization", rep.bearer()))
        .andExpect(status().isUnprocessableContent());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(
            get("/api/v1/calendar?" + period + "&userId=" + rep.id())
                .header("Authorization", foreign.bearer()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            get("/api/v1/calendar?from=%s&to=%s".formatted(TODAY, TODAY.minusDays(1)))
                .header("Authorization", rep.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("before-from"));
    mvc.perform(
            get("/api/v1/calendar?from=%s&to=%s".formatted(TODAY, TODAY.plusDays(60)))
                .header("Authorization", rep.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("period-too-long"));
    mvc.perform(get("/api/v1/calendar?from=soon&to=later").header("Authorization", rep.bearer()))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/calendar?" + period)).andExpect(status().isUnauthorized());
  }

  @Test
  void theCalendarPageShowsAWeekAMonthAndADay() throws Exception {
    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/calendar").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("准备晨会")))
        .andExpect(content().string(containsString("全天")))
        .andExpect(content().string(containsString("id=\"calendar-days\"")));
    mvc.perform(get("/calendar?view=month").cookie(session))
        .andExpect(content().string(containsString("id=\"calendar-month\"")))
        .andExpect(content().string(containsString("准备晨会")));
    mvc.perform(get("/calendar?view=day&date=" + TODAY.minusDays(1)).cookie(session))
        .andExpect(content().string(containsString("季度业务会议")))
        .andExpect(content().string(not(containsString("准备晨会"))))
        .andExpect(content().string(not(containsString("电话不进日历"))));
    mvc.perform(get("/calendar?view=nonsense&date=garbage").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("准备晨会")));
    Member otherRep = workspace.member(Role.SALES);
    mvc.perform(
            get("/calendar")
                .cookie(PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD)))
        .andExpect(content().string(not(containsString("准备晨会"))));
    mvc.perform(get("/calendar")).andExpect(status().is3xxRedirection());
  }

  private String create(Member member, String path, String json) throws Exception {
    ResultActions created =
        mvc.perform(
            post(path)
                .header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }
}
