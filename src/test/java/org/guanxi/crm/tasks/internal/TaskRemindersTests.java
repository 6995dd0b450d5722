package org.guanxi.crm.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
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
 * Reminders of due tasks: each is sent once, as a notification of its assignee, however many nodes
 * check at the same moment; the notifications are their reader's alone.
 */
@GuanxiTest
class TaskRemindersTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired TaskReminders reminders;

  TestWorkspace workspace;
  Member manager;
  Member rep;

  @BeforeEach
  void aTeamWithAManagerAndARep() {
    workspace = workspaces.create();
    var team = workspace.team("华南销售部", null);
    manager = workspace.member(Role.MANAGER, team);
    rep = workspace.member(Role.SALES, team);
  }

  @Test
  void aDueReminderIsSentOnceAsANotificationEvenWhenTwoNodesCheckAtOnce() throws Exception {
    String id =
        idOf(
            create(
                rep,
                "{\"title\": \"提醒我回电话\", \"dueOn\": \"%s\", \"remindMinutesBefore\": 0}"
                    .formatted(TODAY.minusDays(1))));
    idOf(
        create(
            rep,
            "{\"title\": \"下周的事\", \"dueOn\": \"%s\", \"remindMinutesBefore\": 60}"
                .formatted(TODAY.plusDays(7))));
    // two nodes checking at the same moment, then again
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(() -> workspace.in(reminders::remindDue));
    CompletableFuture<Integer> second =
        CompletableFuture.supplyAsync(() -> workspace.in(reminders::remindDue));
    assertThat(first.get() + second.get()).isEqualTo(1);
    assertThat(workspace.in(reminders::remindDue)).isZero();

    mvc.perform(get("/api/v1/notifications").header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unread").value(1))
        .andExpect(jsonPath("$.items", hasSize(1)))
        .andExpect(jsonPath("$.items[0].text").value("提醒我回电话"))
        .andExpect(jsonPath("$.items[0].link").value("/tasks/" + id))
        .andExpect(jsonPath("$.items[0].heading").value("任务已逾期"));
    String notification =
        JsonPath.read(
            mvc.perform(get("/api/v1/notifications").header("Authorization", rep.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].id");
    mvc.perform(get("/api/v1/notifications").header("Authorization", manager.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(
            post("/api/v1/notifications/" + notification + "/read")
                .header("Authorization", manager.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/notifications/" + notification + "/read")
                .header("Authorization", rep.bearer()))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/notifications?unread=true").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.unread").value(0))
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(get("/api/v1/notifications").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", hasItem(notification)));
  }

  @Test
  void theBellShowsTheReminderAndOpeningItLeadsToTheTaskAndMarksItRead() throws Exception {
    String id =
        idOf(
            create(
                rep,
                "{\"title\": \"今天下班前回电话\", \"dueOn\": \"%s\", \"remindMinutesBefore\": 0}"
                    .formatted(TODAY)));
    assertThat(workspace.in(reminders::remindDue)).isEqualTo(1);
    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/notifications/bell").cookie(session))
        .andExpect(content().string(containsString("<span class=\"count\">1</span>")));
    mvc.perform(get("/notifications").cookie(session))
        .andExpect(content().string(containsString("任务到期")))
        .andExpect(content().string(containsString("今天下班前回电话")));
    String notification =
        JsonPath.read(
            mvc.perform(get("/api/v1/notifications").header("Authorization", rep.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].id");
    Cookie managerSession = PageLogin.signIn(mvc, manager.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/notifications/" + notification + "/open").cookie(managerSession).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/notifications/" + notification + "/open").cookie(session).with(csrf()))
        .andExpect(redirectedUrl("/tasks/" + id));
    mvc.perform(get("/notifications/bell").cookie(session))
        .andExpect(content().string(not(containsString("class=\"count\""))));
  }

  private ResultActions create(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/tasks")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static String idOf(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }
}
