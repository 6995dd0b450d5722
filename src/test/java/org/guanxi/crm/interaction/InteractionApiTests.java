package org.guanxi.crm.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Recording, reading, changing and deleting interactions through the API: who may, what the
 * customer's timeline and follow-up clock make of them, and what bad input gets.
 */
@GuanxiTest
class InteractionApiTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member rep;
  String customer;
  String contact;

  @BeforeEach
  void aRepWithACustomerAndItsContact() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    customer = customer(rep, "远航物流");
    contact =
        idOf(
            send(
                rep,
                post("/api/v1/customers/" + customer + "/contacts"),
                "{\"name\": \"王经理\", \"title\": \"采购经理\"}"));
  }

  @Test
  void aRepRecordsACallThatTheTimelineShowsAndThatCountsAsFollowingTheCustomerUp()
      throws Exception {
    Instant before = followedUpAt(customer);
    String body =
        """
        {"customerId": "%s", "contactId": "%s", "channel": "CALL", "direction": "INBOUND",
         "durationMinutes": 15, "participants": "王经理、李工", "summary": "  客户询问二期项目报价  ",
         "outcome": "下周发送方案", "rating": 4, "ratingComment": "对响应速度满意",
         "nextFollowUpOn": "%s"}"""
            .formatted(customer, contact, TODAY.plusDays(3));
    String id =
        idOf(
            record(rep, body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/interactions/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.customerId").value(customer))
                .andExpect(jsonPath("$.contactId").value(contact))
                .andExpect(jsonPath("$.channel").value("CALL"))
                .andExpect(jsonPath("$.direction").value("INBOUND"))
                .andExpect(jsonPath("$.durationMinutes").value(15))
                .andExpect(jsonPath("$.summary").value("客户询问二期项目报价"))
                .andExpect(jsonPath("$.rating").value(4))
                .andExpect(jsonPath("$.nextFollowUpOn").value(TODAY.plusDays(3).toString()))
                .andExpect(jsonPath("$.authorId").value(rep.id().toString()))
                .andExpect(jsonPath("$.authorName").value("Test " + rep.username()))
                .andExpect(jsonPath("$.editable").value(true))
                .andExpect(jsonPath("$.editableUntil", notNullValue())));

    timeline(rep, customer)
        .andExpect(jsonPath("$.items[0].kind").value("INTERACTION_CALL"))
        .andExpect(jsonPath("$.items[0].detail.summary").value("客户询问二期项目报价"))
        .andExpect(jsonPath("$.items[0].detail.link").value("/interactions/" + id));
    assertThat(followedUpAt(customer)).as("the owner followed the customer up").isAfter(before);

    mvc.perform(
            get("/api/v1/interactions")
                .param("customerId", customer)
                .header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    mvc.perform(get("/api/v1/interactions/" + id).header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.outcome").value("下周发送方案"));
  }

  @Test
  void anInteractionRecordedBySomeoneElseThanTheOwnerDoesNotMoveTheFollowUpClock()
      throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    Instant before = followedUpAt(customer);
    record(admin, call(customer, "经理回访")).andExpect(status().isCreated());
    assertThat(followedUpAt(customer)).isEqualTo(before);
  }

  @Test
  void aVisitCarriesItsPlaceAndCheckInWhileACallHasNoPlace() throws Exception {
    record(
            rep,
            """
            {"customerId": "%s", "channel": "VISIT", "summary": "现场拜访", "place": "上海市浦东新区张江路 88 号",
             "latitude": 31.2304161234, "longitude": 121.4737012}"""
                .formatted(customer))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.direction").value("OUTBOUND"))
        .andExpect(jsonPath("$.place").value("上海市浦东新区张江路 88 号"))
        .andExpect(jsonPath("$.latitude").value(31.230416))
        .andExpect(jsonPath("$.longitude").value(121.473701));
    record(
            rep,
            """
            {"customerId": "%s", "channel": "CALL", "summary": "电话", "place": "办公室"}"""
                .formatted(customer))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("place"))
        .andExpect(jsonPath("$.errors[0].code").value("not-for-channel"));
  }

  @Test
  void badInputIsRefusedWithAClearProblemAndNothingIsSaved() throws Exception {
    String otherCustomer = customer(rep, "另一家公司");
    String otherContact =
        idOf(
            send(
                rep,
                post("/api/v1/customers/" + otherCustomer + "/contacts"),
                "{\"name\": \"赵六\"}"));
    expectInvalid("{\"channel\": \"CALL\", \"summary\": \"x\"}", "customerId", "notnull");
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \" \"}".formatted(customer),
        "summary",
        null);
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"x\", \"rating\": 6}"
            .formatted(customer),
        "rating",
        null);
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"x\", \"occurredAt\": \"%s\"}"
            .formatted(customer, Instant.now().plus(1, ChronoUnit.DAYS)),
        "occurredAt",
        "in-the-future");
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"x\", \"nextFollowUpOn\": \"%s\"}"
            .formatted(customer, TODAY.minusDays(1)),
        "nextFollowUpOn",
        "in-the-past");
    expectInvalid(
        "{\"customerId\": \"%s\", \"contactId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"x\"}"
            .formatted(customer, otherContact),
        "contactId",
        "unknown-contact");
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"VISIT\", \"summary\": \"x\", \"latitude\": 31.2}"
            .formatted(customer),
        "longitude",
        "coordinates-in-pairs");
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"x\", \"ratingComment\": \"好\"}"
            .formatted(customer),
        "rating",
        "required-with-comment");
    expectInvalid(
        "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"a\\u0000b\"}"
            .formatted(customer),
        "summary",
        null);
    record(
            rep,
            "{\"customerId\": \"%s\", \"channel\": \"PIGEON\", \"summary\": \"x\"}"
                .formatted(customer))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    record(rep, "{\"customerId\": ").andExpect(status().isBadRequest());

    for (String query :
        new String[] {
          "limit=0",
          "limit=201",
          "cursor=nonsense",
          "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"
        }) {
      mvc.perform(get("/api/v1/interactions?" + query).header("Authorization", rep.bearer()))
          .andExpect(status().isUnprocessableContent());
    }
    mvc.perform(get("/api/v1/interactions?channel=PIGEON").header("Authorization", rep.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("channel"));
    mvc.perform(get("/api/v1/interactions/not-an-id").header("Authorization", rep.bearer()))
        .andExpect(status().isBadRequest());

    mvc.perform(get("/api/v1/interactions").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    timeline(rep, customer).andExpect(jsonPath("$.items[?(@.kind =~ /INTERACTION.*/)]").isEmpty());
  }

  @Test
  void theAuthorChangesAnInteractionAtItsVersionAndOnlyWithinTheEditWindow() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String id = idOf(record(rep, call(customer, "初次电话")));
    String path = "/api/v1/interactions/" + id;

    change(rep, patch(path), null, "{\"summary\": \"改过\"}")
        .andExpect(status().isPreconditionRequired());
    change(rep, patch(path), "\"0\"", "{\"summary\": \"初次电话，约了拜访\", \"rating\": 5}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.summary").value("初次电话，约了拜访"))
        .andExpect(jsonPath("$.rating").value(5))
        .andExpect(jsonPath("$.channel").value("CALL"));
    change(rep, patch(path), "\"0\"", "{\"summary\": \"旧版本\"}")
        .andExpect(status().isPreconditionFailed());
    change(rep, patch(path), "\"1\"", "{\"customerId\": \"" + customer(rep, "别家") + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("customer-fixed"));
    change(admin, patch(path), "\"1\"", "{\"summary\": \"不是作者\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("not-interaction-author"));
    change(admin, delete(path), "\"1\"", null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("not-interaction-author"));
    timeline(rep, customer).andExpect(jsonPath("$.items[0].kind").value("INTERACTION_CHANGED"));

    // the administrator closes the window: the interaction is history now
    change(admin, put("/api/v1/interaction-settings"), "\"0\"", "{\"editWindowMinutes\": 0}")
        .andExpect(status().isOk());
    mvc.perform(get(path).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.editable").value(false))
        .andExpect(jsonPath("$.editableUntil", nullValue()));
    change(rep, patch(path), "\"1\"", "{\"summary\": \"太晚了\"}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("edit-window-closed"))
        .andExpect(jsonPath("$.editableUntil", notNullValue()));
    change(rep, delete(path), "\"1\"", null).andExpect(status().isConflict());
    mvc.perform(get(path).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.summary").value("初次电话，约了拜访"));
  }

  @Test
  void theAuthorDeletesWithinTheWindowAndTheTimelineKeepsThatItWas() throws Exception {
    String id = idOf(record(rep, call(customer, "打错了电话")));
    String path = "/api/v1/interactions/" + id;
    change(rep, delete(path), null, null).andExpect(status().isPreconditionRequired());
    change(rep, delete(path), "\"0\"", null).andExpect(status().isNoContent());
    mvc.perform(get(path).header("Authorization", rep.bearer())).andExpect(status().isNotFound());
    timeline(rep, customer)
        .andExpect(jsonPath("$.items[0].kind").value("INTERACTION_DELETED"))
        .andExpect(jsonPath("$.items[0].detail.summary").value("打错了电话"))
        .andExpect(jsonPath("$.items[0].detail.link").doesNotExist());
  }

  @Test
  void withoutATokenAnotherOwnersRepAndAnotherWorkspaceGetNothing() throws Exception {
    String id = idOf(record(rep, call(customer, "只给负责人看")));
    String path = "/api/v1/interactions/" + id;

    mvc.perform(get(path)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/interactions")).andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/interactions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(call(customer, "x")))
        .andExpect(status().isUnauthorized());
    mvc.perform(delete(path).header("If-Match", "\"0\"")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/interaction-settings")).andExpect(status().isUnauthorized());

    Member otherRep = workspace.member(Role.SALES);
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    for (Member outsider : new Member[] {otherRep, foreign}) {
      mvc.perform(get(path).header("Authorization", outsider.bearer()))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/interactions").header("Authorization", outsider.bearer()))
          .andExpect(jsonPath("$.items").isEmpty());
      record(outsider, call(customer, "越权记录"))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].code").value("unknown-customer"));
      change(outsider, patch(path), "\"0\"", "{\"summary\": \"越权修改\"}")
          .andExpect(status().isNotFound());
      change(outsider, delete(path), "\"0\"", null).andExpect(status().isNotFound());
    }
    Member analyst = workspace.member(Role.ANALYST);
    mvc.perform(get(path).header("Authorization", analyst.bearer())).andExpect(status().isOk());
    record(analyst, call(customer, "分析师不记录")).andExpect(status().isForbidden());
    mvc.perform(get(path).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.summary").value("只给负责人看"))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void theListFiltersByChannelAuthorAndPeriodAndPagesNewestFirst() throws Exception {
    Member colleague = workspace.member(Role.ADMINISTRATOR);
    String first =
        idOf(
            record(
                rep,
                "{\"customerId\": \"%s\", \"channel\": \"EMAIL\", \"summary\": \"发了报价\", \"occurredAt\": \"2026-01-05T02:00:00Z\"}"
                    .formatted(customer)));
    String second = idOf(record(rep, call(customer, "电话确认")));
    String third = idOf(record(colleague, call(customer, "经理回访")));
    mvc.perform(get("/api/v1/interactions?limit=2").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(third, second)))
        .andExpect(jsonPath("$.nextCursor", notNullValue()));
    String next =
        JsonPath.read(
            mvc.perform(get("/api/v1/interactions?limit=2").header("Authorization", rep.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.nextCursor");
    mvc.perform(
            get("/api/v1/interactions?limit=2")
                .param("cursor", next)
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(first)))
        .andExpect(jsonPath("$.nextCursor", nullValue()));
    mvc.perform(
            get("/api/v1/interactions?channel=CALL&authorId=" + rep.id())
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(second)));
    mvc.perform(
            get("/api/v1/interactions?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(first)));
    mvc.perform(
            get("/api/v1/interactions?contactId=" + contact).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void settingsAreReadByEveryoneAndSetByAdministratorsAtTheirVersion() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/interaction-settings").header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.editWindowMinutes").value(1440));
    String settings = "/api/v1/interaction-settings";
    change(rep, put(settings), "\"0\"", "{\"editWindowMinutes\": 60}")
        .andExpect(status().isForbidden());
    change(admin, put(settings), null, "{\"editWindowMinutes\": 60}")
        .andExpect(status().isPreconditionRequired());
    change(admin, put(settings), "\"0\"", "{\"editWindowMinutes\": -1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("editWindowMinutes"));
    change(admin, put(settings), "\"0\"", "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("editWindowMinutes"));
    change(admin, put(settings), "\"0\"", "{\"editWindowMinutes\": 60}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.editWindowMinutes").value(60));
    change(admin, put(settings), "\"0\"", "{\"editWindowMinutes\": 90}")
        .andExpect(status().isPreconditionFailed());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get(settings).header("Authorization", foreign.bearer()))
        .andExpect(jsonPath("$.editWindowMinutes").value(1440));
  }

  @Test
  void aMergedDuplicatesInteractionsFollowItToTheSurvivor() throws Exception {
    String duplicate = customer(rep, "远航物流有限公司");
    String id = idOf(record(rep, call(duplicate, "在重复客户上的记录")));
    change(
            rep,
            post("/api/v1/customers/" + customer + "/merge"),
            Versions.current(mvc, rep.bearer(), "/api/v1/customers/" + customer),
            "{\"duplicateId\": \"" + duplicate + "\"}")
        .andExpect(status().isOk());
    await()
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/interactions/" + id).header("Authorization", rep.bearer()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.customerId").value(customer)));
  }

  @Test
  void erasingTheCustomersPersonalDataTakesTheWordsAndKeepsTheCount() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String id = idOf(record(rep, call(customer, "客户提到家住浦东")));
    mvc.perform(
            get("/api/v1/personal-data/copy")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(
            jsonPath("$.copies[?(@.kind == 'interaction')].values.summary", hasItem("客户提到家住浦东")));
    mvc.perform(
            delete("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.erased[*].module", hasItem("interaction")));
    mvc.perform(get("/api/v1/interactions/" + id).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.summary").value("已删除 Erased"))
        .andExpect(jsonPath("$.channel").value("CALL"));
    mvc.perform(
            get("/api/v1/personal-data")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.records[?(@.module == 'interaction')]").isEmpty());
  }

  private void expectInvalid(String json, String field, @Nullable String code) throws Exception {
    ResultActions result =
        record(rep, json)
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value(field));
    if (code != null) {
      result.andExpect(jsonPath("$.errors[0].code").value(code));
    }
  }

  private static String call(String customerId, String summary) {
    return "{\"customerId\": \"%s\", \"channel\": \"CALL\", \"summary\": \"%s\"}"
        .formatted(customerId, summary);
  }

  private Instant followedUpAt(String customerId) {
    return workspace.in(
        () ->
            jdbc.sql("select followed_up_at from customer where id = cast(? as uuid)")
                .param(customerId)
                .query(Timestamp.class)
                .single()
                .toInstant());
  }

  private ResultActions timeline(Member member, String customerId) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customerId + "/timeline")
            .header("Authorization", member.bearer()));
  }

  private ResultActions record(Member member, String json) throws Exception {
    return send(member, post("/api/v1/interactions"), json);
  }

  private ResultActions send(Member member, MockHttpServletRequestBuilder request, String json)
      throws Exception {
    return mvc.perform(
        request
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions change(
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

  private String customer(Member member, String name) throws Exception {
    return idOf(
        send(
                member,
                post("/api/v1/customers"),
                "{\"kind\": \"ORGANIZATION\", \"name\": \"" + name + "\"}")
            .andExpect(status().isCreated()));
  }

  private static String idOf(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }
}
