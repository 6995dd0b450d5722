package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.guanxi.crm.platform.NewAccount;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.Workspaces;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follow-up clock and the check that returns customers nobody followed up to the pool, at the
 * exact boundaries of the workspace's period; and the rules administrators set.
 */
@GuanxiTest
class CustomerPoolCheckTests {

  record Visit(
      UUID workspaceId,
      UUID customerId,
      Instant occurredAt,
      @Nullable String actorName,
      @Nullable UUID actorId)
      implements CustomerActivity {
    @Override
    public String activityKind() {
      return "TEST_VISIT";
    }

    @Override
    public Map<String, Object> activityDetail() {
      return Map.of();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired CustomerPool pool;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired Workspaces workspaceAdministration;

  TestWorkspace workspace;
  UUID east;
  Member admin;
  Member manager;
  Member rep;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    east = workspace.team("华东 East", null);
    admin = workspace.member(Role.ADMINISTRATOR);
    manager = workspace.member(Role.MANAGER, east);
    rep = workspace.member(Role.SALES, east);
  }

  // --- the check

  @Test
  void aCustomerNotFollowedUpReturnsToTheOwnersTeamPoolExactlyWhenThePeriodHasPassed()
      throws Exception {
    rules(30, 100, true);
    UUID customer = create("ORDINARY");
    Instant followedUp = followedUpAt(customer);

    assertThat(check(followedUp.plus(Duration.ofDays(30)).minus(1, ChronoUnit.MICROS))).isZero();
    read(rep, customer).andExpect(status().isOk());

    assertThat(check(followedUp.plus(Duration.ofDays(30)))).isEqualTo(1);
    read(rep, customer).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customer-pool").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[0].id").value(customer.toString()))
        .andExpect(jsonPath("$.items[0].reason").value("NO_FOLLOW_UP"))
        .andExpect(jsonPath("$.items[0].poolTeamId").value(east.toString()))
        .andExpect(jsonPath("$.items[0].formerOwnerName").value("Test " + rep.username()));
    timeline(customer)
        .andExpect(jsonPath("$.items[0].kind").value("POOL_RETURNED"))
        .andExpect(jsonPath("$.items[0].actorName").doesNotExist())
        .andExpect(jsonPath("$.items[0].detail.reason").value("NO_FOLLOW_UP"))
        .andExpect(jsonPath("$.items[0].detail.days").value(30))
        .andExpect(jsonPath("$.items[0].detail.lastFollowUp").value(followedUp.toString()))
        .andExpect(jsonPath("$.items[0].detail.formerOwner").value("Test " + rep.username()))
        .andExpect(jsonPath("$.items[0].detail.poolTeam").value("华东 East"));

    assertThat(check(followedUp.plus(Duration.ofDays(400)))).as("only once").isZero();
  }

  @Test
  void keyAccountsStayWhileTheyAreExemptAndReturnOnceTheyAreNot() throws Exception {
    rules(30, 100, true);
    UUID keyAccount = create("KEY_ACCOUNT");
    UUID ordinary = create("ORDINARY");
    Instant late = followedUpAt(keyAccount).plus(Duration.ofDays(365));
    assertThat(check(late)).isEqualTo(1);
    read(rep, keyAccount).andExpect(status().isOk());
    read(rep, ordinary).andExpect(status().isNotFound());

    rules(30, 100, false);
    assertThat(check(late)).isEqualTo(1);
    read(rep, keyAccount).andExpect(status().isNotFound());
  }

  @Test
  void withoutAPeriodNothingReturnsAndTheCheckMovesOnlyItsOwnWorkspace() throws Exception {
    UUID customer = create("ORDINARY");
    Instant late = followedUpAt(customer).plus(Duration.ofDays(3650));
    assertThat(check(late)).as("by default customers never return").isZero();

    rules(1, 100, true);
    TestWorkspace other = workspaces.create();
    assertThat(other.in(() -> pool.returnOverdue(late))).isZero();
    read(rep, customer).andExpect(status().isOk());
  }

  @Test
  void deletedCustomersStayInTheRecycleBin() throws Exception {
    rules(1, 100, true);
    UUID customer = create("ORDINARY");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/customers/" + customer)
                .header("Authorization", rep.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, rep.bearer(), "/api/v1/customers/" + customer)))
        .andExpect(status().isNoContent());
    assertThat(check(followedUpAt(customer).plus(Duration.ofDays(10)))).isZero();
  }

  // --- the follow-up clock

  @Test
  void theOwnersEditsContactsAndActivitiesMoveTheClockOthersDoNot() throws Exception {
    UUID customer = create("ORDINARY");
    Instant created = followedUpAt(customer);

    patchCity(manager, customer, "苏州");
    assertThat(followedUpAt(customer)).as("a manager's edit").isEqualTo(created);

    patchCity(rep, customer, "无锡");
    Instant edited = followedUpAt(customer);
    assertThat(edited).as("the owner's edit").isAfter(created);

    mvc.perform(
            post("/api/v1/customers/" + customer + "/contacts")
                .header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"王经理\"}"))
        .andExpect(status().isCreated());
    Instant contactAdded = followedUpAt(customer);
    assertThat(contactAdded).as("the owner's new contact").isAfter(edited);

    Instant visited = Instant.now().truncatedTo(ChronoUnit.MICROS);
    publish(new Visit(workspace.id(), customer, visited, "销售", manager.id()));
    assertThat(followedUpAt(customer)).as("someone else's activity").isEqualTo(contactAdded);
    publish(new Visit(workspace.id(), customer, visited, "销售", null));
    assertThat(followedUpAt(customer)).as("an activity without its user").isEqualTo(contactAdded);
    publish(new Visit(workspace.id(), customer, visited, "销售", rep.id()));
    assertThat(followedUpAt(customer)).as("the owner's activity").isEqualTo(visited);
    publish(new Visit(workspace.id(), customer, visited.minusSeconds(60), "销售", rep.id()));
    assertThat(followedUpAt(customer)).as("an older activity").isEqualTo(visited);
    publish(new Visit(workspace.id(), customer, Instant.now().plusSeconds(3600), "销售", rep.id()));
    assertThat(followedUpAt(customer)).as("never beyond now").isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void aNewOwnerStartsTheClockAgainAndSoDoesAClaim() throws Exception {
    UUID customer = create("ORDINARY");
    Instant created = followedUpAt(customer);
    Member otherRep = workspace.member(Role.SALES, east);
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", manager.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, manager.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ownerId\":\"" + otherRep.id() + "\"}"))
        .andExpect(status().isOk());
    Instant reassigned = followedUpAt(customer);
    assertThat(reassigned).isAfter(created);

    mvc.perform(
            post("/api/v1/customers/" + customer + "/release")
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, otherRep.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"不合适\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/customer-pool/" + customer + "/claim")
                .header("Authorization", rep.bearer()))
        .andExpect(status().isOk());
    assertThat(followedUpAt(customer)).isAfter(reassigned);
  }

  // --- the rules

  @Test
  void everyoneReadsTheRulesOnlyAdministratorsSetThemAndBadRulesAreRefused() throws Exception {
    mvc.perform(get("/api/v1/customer-pool-settings").header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.returnAfterDays").doesNotExist())
        .andExpect(jsonPath("$.claimLimit").value(100))
        .andExpect(jsonPath("$.keyAccountsExempt").value(true));
    mvc.perform(get("/api/v1/customer-pool-settings")).andExpect(status().isUnauthorized());
    putRules(rep, "{\"returnAfterDays\":30,\"claimLimit\":10,\"keyAccountsExempt\":true}", null)
        .andExpect(status().isForbidden());
    putRules(manager, "{\"returnAfterDays\":30,\"claimLimit\":10,\"keyAccountsExempt\":true}", null)
        .andExpect(status().isForbidden());
    putRules(admin, "{\"returnAfterDays\":0,\"claimLimit\":10,\"keyAccountsExempt\":true}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("returnAfterDays"));
    putRules(admin, "{\"returnAfterDays\":30,\"claimLimit\":0,\"keyAccountsExempt\":true}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("claimLimit"));
    putRules(admin, "{\"returnAfterDays\":30,\"claimLimit\":10}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("keyAccountsExempt"));
    putRules(admin, "{\"returnAfterDays\":", null).andExpect(status().isBadRequest());

    String etag =
        putRules(
                admin,
                "{\"returnAfterDays\":30,\"claimLimit\":10,\"keyAccountsExempt\":false}",
                "\"0\"")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.returnAfterDays").value(30))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    putRules(
            admin,
            "{\"returnAfterDays\":null,\"claimLimit\":10,\"keyAccountsExempt\":true}",
            "\"0\"")
        .andExpect(status().isPreconditionFailed());
    putRules(admin, "{\"returnAfterDays\":null,\"claimLimit\":10,\"keyAccountsExempt\":true}", etag)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.returnAfterDays").doesNotExist());

    Member stranger = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/customer-pool-settings").header("Authorization", stranger.bearer()))
        .andExpect(jsonPath("$.claimLimit").value(100));
  }

  // --- the demo

  @Test
  void aNewDemoWorkspaceHasCustomersInItsPoolsAndReturnsThemAfterThirtyDays() {
    UUID demo =
        workspaceAdministration.create(
            "demo-" + UUID.randomUUID(),
            "Demo",
            true,
            headOffice ->
                workspaceAdministration.createAccount(
                    new NewAccount(
                        "demo-" + UUID.randomUUID(),
                        "演示 Demo",
                        TestWorkspace.PASSWORD,
                        Set.of(Role.SALES),
                        headOffice)));
    WorkspaceContext.runIn(
        demo,
        () -> {
          assertThat(pool.settings().returnAfterDays()).isEqualTo(DemoPool.RETURN_AFTER_DAYS);
          long pooled =
              jdbc.sql(
                      "select count(*) from customer where pooled_at is not null and owner_id is null")
                  .query(Long.class)
                  .single();
          assertThat(pooled).isEqualTo(DemoPool.POOLED);
          long entries =
              jdbc.sql("select count(*) from customer_timeline where kind = 'POOL_RETURNED'")
                  .query(Long.class)
                  .single();
          assertThat(entries).isEqualTo(DemoPool.POOLED);
        });
  }

  // --- helpers

  private int check(Instant now) {
    return workspace.in(() -> pool.returnOverdue(now));
  }

  private Instant followedUpAt(UUID customer) {
    return workspace.in(
        () ->
            jdbc.sql("select followed_up_at from customer where id = ?")
                .param(customer)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant());
  }

  private void publish(CustomerActivity activity) {
    workspace.in(
        () ->
            transactions.execute(
                status -> {
                  events.publishEvent(activity);
                  return null;
                }));
  }

  private void rules(Integer days, int claimLimit, boolean exempt) throws Exception {
    putRules(
            admin,
            "{\"returnAfterDays\":"
                + days
                + ",\"claimLimit\":"
                + claimLimit
                + ",\"keyAccountsExempt\":"
                + exempt
                + "}",
            null)
        .andExpect(status().isOk());
  }

  private ResultActions putRules(Member member, String json, String ifMatch) throws Exception {
    var request =
        put("/api/v1/customer-pool-settings")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/customer-pool-settings"));
    return mvc.perform(request);
  }

  private void patchCity(Member member, UUID customer, String city) throws Exception {
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", member.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, member.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + city + "\"}"))
        .andExpect(status().isOk());
  }

  private UUID create(String classification) throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", rep.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\":\"ORGANIZATION\",\"name\":\"长江电器\",\"classification\":\""
                            + classification
                            + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  private ResultActions read(Member member, UUID customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer).header("Authorization", member.bearer()));
  }

  private ResultActions timeline(UUID customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/timeline").header("Authorization", admin.bearer()));
  }
}
