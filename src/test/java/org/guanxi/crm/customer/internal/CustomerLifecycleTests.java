package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerPurchase;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/** Purchases and time move a customer along its lifecycle; administrators set the periods. */
@GuanxiTest
class CustomerLifecycleTests {

  record Purchase(UUID workspaceId, UUID customerId, Instant purchasedAt, String purchaseReference)
      implements CustomerPurchase {}

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired CustomerLifecycle lifecycle;

  TestWorkspace workspace;
  Member admin;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    sales = workspace.member(Role.SALES);
  }

  @Test
  void theFirstPurchaseMakesAProspectNewAndTheSecondActiveEachOnTheTimeline() throws Exception {
    UUID customer = createCustomer();
    Instant now = Instant.now();
    buy(customer, now.minus(2, ChronoUnit.DAYS), "SO-000001");
    assertThat(stage(customer)).isEqualTo("NEW");
    buy(customer, now.minus(1, ChronoUnit.DAYS), "SO-000002");
    assertThat(stage(customer)).isEqualTo("ACTIVE");
    buy(customer, now, "SO-000003");

    timeline(customer)
        .andExpect(jsonPath("$.items[0].kind").value("LIFECYCLE_CHANGED"))
        .andExpect(jsonPath("$.items[0].detail.from").value("NEW"))
        .andExpect(jsonPath("$.items[0].detail.to").value("ACTIVE"))
        .andExpect(jsonPath("$.items[0].detail.cause").value("PURCHASE"))
        .andExpect(jsonPath("$.items[0].detail.causeDetail").value("SO-000002"))
        .andExpect(jsonPath("$.items[1].detail.to").value("NEW"))
        .andExpect(jsonPath("$.items[1].detail.causeDetail").value("SO-000001"))
        .andExpect(jsonPath("$.items.length()").value(3));
  }

  @Test
  void withoutPurchasesACustomerIsAtRiskAndThenLostAtTheBoundariesOfTheWorkspacePeriods()
      throws Exception {
    mvc.perform(
            put("/api/v1/customer-lifecycle-settings")
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/customer-lifecycle-settings"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"atRiskAfterDays\": 30, \"lostAfterDays\": 60}"))
        .andExpect(status().isOk());
    UUID customer = createCustomer();
    Instant bought = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    buy(customer, bought, "SO-1");
    buy(customer, bought, "SO-2");

    assertThat(check(bought.plus(Duration.ofDays(30)).minusSeconds(1))).isZero();
    assertThat(stage(customer)).isEqualTo("ACTIVE");
    assertThat(check(bought.plus(Duration.ofDays(30)))).isEqualTo(1);
    assertThat(stage(customer)).isEqualTo("AT_RISK");
    assertThat(check(bought.plus(Duration.ofDays(60)).minusSeconds(1))).isZero();
    assertThat(stage(customer)).isEqualTo("AT_RISK");
    assertThat(check(bought.plus(Duration.ofDays(60)))).isEqualTo(1);
    assertThat(stage(customer)).isEqualTo("LOST");
    assertThat(check(bought.plus(Duration.ofDays(400)))).as("lost stays lost").isZero();

    timeline(customer)
        .andExpect(jsonPath("$.items[0].detail.to").value("LOST"))
        .andExpect(jsonPath("$.items[0].detail.cause").value("NO_PURCHASE"))
        .andExpect(jsonPath("$.items[0].detail.causeDetail").value("60"))
        .andExpect(jsonPath("$.items[1].detail.to").value("AT_RISK"));

    buy(customer, bought.plus(Duration.ofMinutes(30)), "SO-3");
    assertThat(stage(customer)).as("won back").isEqualTo("ACTIVE");
  }

  @Test
  void anOldImportedPurchaseLeavesTheCustomerWhereItsAgePutsIt() throws Exception {
    UUID customer = createCustomer();
    buy(customer, Instant.now().minus(Duration.ofDays(100)), "SO-OLD");
    assertThat(stage(customer)).isEqualTo("AT_RISK");
  }

  @Test
  void theCheckMovesOnlyTheCurrentWorkspacesCustomers() throws Exception {
    UUID customer = createCustomer();
    Instant bought = Instant.now().minus(1, ChronoUnit.HOURS);
    buy(customer, bought, "SO-1");
    TestWorkspace other = workspaces.create();
    int moved =
        other.in(() -> lifecycle.moveByTimeSincePurchase(bought.plus(Duration.ofDays(365))));
    assertThat(moved).isZero();
    assertThat(stage(customer)).isEqualTo("NEW");
  }

  @Test
  void onlyAdministratorsSetThePeriodsAndBadPeriodsAreRefused() throws Exception {
    mvc.perform(get("/api/v1/customer-lifecycle-settings").header("Authorization", sales.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.atRiskAfterDays").value(90))
        .andExpect(jsonPath("$.lostAfterDays").value(180));
    mvc.perform(get("/api/v1/customer-lifecycle-settings")).andExpect(status().isUnauthorized());
    settings(sales, "{\"atRiskAfterDays\": 10, \"lostAfterDays\": 20}", null)
        .andExpect(status().isForbidden());
    settings(admin, "{\"atRiskAfterDays\": 60, \"lostAfterDays\": 60}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("lostAfterDays"))
        .andExpect(jsonPath("$.errors[0].code").value("not-after-at-risk"));
    settings(admin, "{\"atRiskAfterDays\": 0, \"lostAfterDays\": 60}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("atRiskAfterDays"));
    settings(admin, "{\"atRiskAfterDays\": ", null).andExpect(status().isBadRequest());

    String etag =
        settings(admin, "{\"atRiskAfterDays\": 45, \"lostAfterDays\": 120}", null)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    settings(admin, "{\"atRiskAfterDays\": 50, \"lostAfterDays\": 120}", "\"0\"")
        .andExpect(status().isPreconditionFailed());
    settings(admin, "{\"atRiskAfterDays\": 50, \"lostAfterDays\": 120}", etag)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.atRiskAfterDays").value(50));

    Member otherAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(
            get("/api/v1/customer-lifecycle-settings").header("Authorization", otherAdmin.bearer()))
        .andExpect(jsonPath("$.atRiskAfterDays").value(90));
  }

  @Test
  void theSettingsPageKeepsWhatWasTypedWhenItIsWrong() throws Exception {
    Cookie session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/admin/lifecycle").cookie(session).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("At risk after")));
    mvc.perform(
            post("/admin/lifecycle")
                .cookie(session)
                .with(csrf())
                .param("atRiskAfterDays", "70")
                .param("lostAfterDays", "40")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"70\"")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Must be more days")));
    mvc.perform(
            post("/admin/lifecycle")
                .cookie(session)
                .with(csrf())
                .param("atRiskAfterDays", "70")
                .param("lostAfterDays", "140")
                .param("version", "0"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/customer-lifecycle-settings").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.lostAfterDays").value(140));
    Cookie salesSession = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/admin/lifecycle").cookie(salesSession)).andExpect(status().isForbidden());
  }

  private int check(Instant now) {
    return workspace.in(() -> lifecycle.moveByTimeSincePurchase(now));
  }

  private void buy(UUID customer, Instant at, String reference) {
    workspace.in(
        () ->
            transactions.execute(
                status -> {
                  events.publishEvent(new Purchase(workspace.id(), customer, at, reference));
                  return null;
                }));
  }

  private String stage(UUID customer) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.lifecycleStage");
  }

  private ResultActions timeline(UUID customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/timeline").header("Authorization", sales.bearer()));
  }

  private ResultActions settings(Member member, String json, String ifMatch) throws Exception {
    var request =
        put("/api/v1/customer-lifecycle-settings")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/customer-lifecycle-settings"));
    return mvc.perform(request);
  }

  private UUID createCustomer() throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ORGANIZATION\",\"name\":\"长江电器\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }
}
