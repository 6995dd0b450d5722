package org.guanxi.crm.tasks;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Tasks through the API: who sees and changes which, overdue ones, the task a follow-up's next date
 * makes, reminders sent once as notifications, and what bad input gets.
 */
@GuanxiTest
class TaskApiTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  UUID team;
  Member manager;
  Member rep;
  String customer;

  @BeforeEach
  void aTeamWithAManagerARepAndTheRepsCustomer() throws Exception {
    workspace = workspaces.create();
    team = workspace.team("华南销售部", null);
    manager = workspace.member(Role.MANAGER, team);
    rep = workspace.member(Role.SALES, team);
    customer =
        idOf(
            send(
                rep,
                post("/api/v1/customers"),
                null,
                "{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}"));
  }

  @Test
  void aRepCreatesATaskForACustomerAndFindsItInTheList() throws Exception {
    String id =
        idOf(
            create(
                    rep,
                    """
                    {"title": "给远航物流回电话", "dueOn": "%s", "dueTime": "15:30", "priority": "HIGH",
                     "customerId": "%s", "remindMinutesBefore": 30, "description": "确认报价"}"""
                        .formatted(TODAY.plusDays(1), customer))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/tasks/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.title").value("给远航物流回电话"))
                .andExpect(jsonPath("$.dueTime").value("15:30:00"))
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.assigneeId").value(rep.id().toString()))
                .andExpect(jsonPath("$.customerName").value("远航物流"))
                .andExpect(jsonPath("$.overdue").value(false)));
    mvc.perform(get("/api/v1/tasks").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    mvc.perform(get("/api/v1/tasks?customerId=" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.description").value("确认报价"));
  }

  @Test
  void aTaskWhoseDayHasPassedIsOverdueAndOneDueLaterTodayIsNot() throws Exception {
    String yesterday = idOf(create(rep, task("昨天的任务", TODAY.minusDays(1))));
    idOf(create(rep, task("今天全天的任务", TODAY)));
    mvc.perform(get("/api/v1/tasks/" + yesterday).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.overdue").value(true));
    mvc.perform(get("/api/v1/tasks?overdue=true").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(yesterday)));
    mvc.perform(get("/api/v1/tasks").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].title", contains("昨天的任务", "今天全天的任务")));
  }

  @Test
  void badInputIsRefusedWithAClearProblemAndNothingIsSaved() throws Exception {
    Member otherRep = workspace.member(Role.SALES, team);
    String hidden =
        idOf(
            send(
                otherRep,
                post("/api/v1/customers"),
                null,
                "{\"kind\": \"ORGANIZATION\", \"name\": \"别人的客户\"}"));
    expectInvalid("{\"dueOn\": \"%s\"}".formatted(TODAY), "title");
    expectInvalid("{\"title\": \"x\"}", "dueOn");
    expectInvalid(
        "{\"title\": \"x\", \"dueOn\": \"%s\", \"remindMinutesBefore\": -1}".formatted(TODAY),
        "remindMinutesBefore");
    expectInvalid(
        "{\"title\": \"x\", \"dueOn\": \"%s\", \"assigneeId\": \"%s\"}"
            .formatted(TODAY, otherRep.id()),
        "assigneeId");
    expectInvalid(
        "{\"title\": \"x\", \"dueOn\": \"%s\", \"customerId\": \"%s\"}".formatted(TODAY, hidden),
        "customerId");
    expectInvalid("{\"title\": \"a\\u0000b\", \"dueOn\": \"%s\"}".formatted(TODAY), "title");
    create(rep, "{\"title\": \"x\", \"dueOn\": \"%s\", \"priority\": \"URGENT\"}".formatted(TODAY))
        .andExpect(status().isBadRequest());
    create(rep, "{\"title\": \"x\", \"dueOn\": \"%s\", \"dueTime\": \"25:00\"}".formatted(TODAY))
        .andExpect(status().isBadRequest());
    for (String query :
        List.of("limit=0", "cursor=nonsense", "dueFrom=2026-02-01&dueTo=2026-01-01")) {
      mvc.perform(get("/api/v1/tasks?" + query).header("Authorization", rep.bearer()))
          .andExpect(status().isUnprocessableContent());
    }
    mvc.perform(get("/api/v1/tasks?status=MAYBE").header("Authorization", rep.bearer()))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/tasks").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aManagerGivesATaskToTheTeamAndSeesItWhileAnotherRepDoesNot() throws Exception {
    String id =
        idOf(
            create(
                    manager,
                    "{\"title\": \"准备季度回顾\", \"dueOn\": \"%s\", \"assigneeId\": \"%s\"}"
                        .formatted(TODAY.plusDays(3), rep.id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assigneeId").value(rep.id().toString())));
    mvc.perform(get("/api/v1/tasks").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    mvc.perform(get("/api/v1/tasks").header("Authorization", manager.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    Member outsider = workspace.member(Role.SALES, workspace.team("华北销售部", null));
    mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", outsider.bearer()))
        .andExpect(status().isNotFound());
    send(outsider, patch("/api/v1/tasks/" + id), "\"0\"", "{\"title\": \"越权\"}")
        .andExpect(status().isNotFound());
    send(outsider, post("/api/v1/tasks/" + id + "/complete"), "\"0\"", null)
        .andExpect(status().isNotFound());
    send(outsider, delete("/api/v1/tasks/" + id), "\"0\"", null).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/tasks").header("Authorization", outsider.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void completingAtItsVersionPutsACustomersTaskOnItsTimeline() throws Exception {
    String id =
        idOf(
            create(
                rep,
                "{\"title\": \"寄样品\", \"dueOn\": \"%s\", \"customerId\": \"%s\"}"
                    .formatted(TODAY, customer)));
    String path = "/api/v1/tasks/" + id;
    send(rep, post(path + "/complete"), null, null).andExpect(status().isPreconditionRequired());
    send(rep, patch(path), "\"0\"", "{\"priority\": \"LOW\"}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    send(rep, post(path + "/complete"), "\"0\"", null).andExpect(status().isPreconditionFailed());
    send(rep, post(path + "/complete"), "\"1\"", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.priority").value("LOW"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("TASK_COMPLETED"))
        .andExpect(jsonPath("$.items[0].detail.summary").value("寄样品"));
    send(rep, post(path + "/reopen"), "\"2\"", null).andExpect(jsonPath("$.status").value("OPEN"));
    send(rep, delete(path), "\"3\"", null).andExpect(status().isNoContent());
    mvc.perform(get(path).header("Authorization", rep.bearer())).andExpect(status().isNotFound());
  }

  @Test
  void withoutATokenOrFromAnotherWorkspaceThereIsNothing() throws Exception {
    String id = idOf(create(rep, task("内部任务", TODAY)));
    mvc.perform(get("/api/v1/tasks/" + id)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/tasks")).andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/tasks").contentType(MediaType.APPLICATION_JSON).content(task("x", TODAY)))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    send(foreign, delete("/api/v1/tasks/" + id), "\"0\"", null).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/tasks").header("Authorization", foreign.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    Member analyst = workspace.member(Role.ANALYST);
    create(analyst, task("x", TODAY)).andExpect(status().isForbidden());
  }

  @Test
  void aFollowUpsNextDateBecomesATaskForTheCustomersOwnerOnce() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String interaction =
        idOf(
            send(
                admin,
                post("/api/v1/interactions"),
                null,
                """
                {"customerId": "%s", "channel": "VISIT", "summary": "经理拜访，客户要求下周再约",
                 "nextFollowUpOn": "%s"}"""
                    .formatted(customer, TODAY.plusDays(7))));
    await()
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/tasks").header("Authorization", rep.bearer()))
                    .andExpect(jsonPath("$.items", hasSize(1)))
                    .andExpect(jsonPath("$.items[0].interactionId").value(interaction))
                    .andExpect(jsonPath("$.items[0].title").value("经理拜访，客户要求下周再约"))
                    .andExpect(jsonPath("$.items[0].dueOn").value(TODAY.plusDays(7).toString()))
                    .andExpect(jsonPath("$.items[0].customerId").value(customer))
                    .andExpect(jsonPath("$.items[0].assigneeId").value(rep.id().toString())));
    send(
            rep,
            post("/api/v1/interactions"),
            null,
            "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"没有下次\"}"
                .formatted(customer))
        .andExpect(status().isCreated());
    Thread.sleep(300);
    mvc.perform(get("/api/v1/tasks").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items", hasSize(1)));
  }

  private void expectInvalid(String json, String field) throws Exception {
    create(rep, json)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  private static String task(String title, LocalDate dueOn) {
    return "{\"title\": \"%s\", \"dueOn\": \"%s\"}".formatted(title, dueOn);
  }

  private ResultActions create(Member member, String json) throws Exception {
    return send(member, post("/api/v1/tasks"), null, json);
  }

  private ResultActions send(
      Member member,
      MockHttpServletRequestBuilder request,
      @Nullable String ifMatch,
      @Nullable String json)
      throws Exception {
    request.header("Authorization", member.bearer());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request);
  }

  private static String idOf(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }
}
