package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Grants;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A customer's key in another system, by which imported orders find it. */
@GuanxiTest
class CustomerExternalKeyTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired Customers customers;
  @Autowired Grants grants;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member rep;
  String customer;

  @BeforeEach
  void aRepWithACustomer() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    customer = create(rep, "华信科技");
  }

  /**
   * An order import settles its file on two connections, and both may meet a customer that does not
   * exist yet: the second waits for the first's transaction and takes the customer it made.
   */
  @Test
  void twoImportsMakingTheSameNewCustomerAtOnceMakeItOnce() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    CurrentUser user =
        new CurrentUser(
            workspace.id(),
            admin.id(),
            admin.username(),
            "Test " + admin.username(),
            Set.of(admin.role()),
            grants.of(Set.of(admin.role())),
            workspace.headOffice(),
            List.of(workspace.headOffice()),
            null);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstMadeIt = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    ExecutorService imports = Executors.newFixedThreadPool(2);
    try {
      Future<Map<String, Customers.KeyedCustomer>> first =
          imports.submit(
              () ->
                  workspace.in(
                      () ->
                          transaction.execute(
                              status -> {
                                var made =
                                    customers.createWithExternalKeys(
                                        user,
                                        Map.of("C-17850", "Online Retail 17850"),
                                        CustomerKind.ORGANIZATION,
                                        Map.of());
                                firstMadeIt.countDown();
                                awaitQuietly(firstMayCommit);
                                return made;
                              })));
      assertThat(firstMadeIt.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Map<String, Customers.KeyedCustomer>> second =
          imports.submit(
              () ->
                  workspace.in(
                      () ->
                          transaction.execute(
                              status ->
                                  customers.createWithExternalKeys(
                                      user,
                                      Map.of("C-17850", "Online Retail 17850"),
                                      CustomerKind.ORGANIZATION,
                                      Map.of()))));
      Thread.sleep(500);
      assertThat(second.isDone()).as("the second waits for the first's transaction").isFalse();
      firstMayCommit.countDown();

      Customers.KeyedCustomer made = first.get(30, TimeUnit.SECONDS).get("C-17850");
      Customers.KeyedCustomer taken = second.get(30, TimeUnit.SECONDS).get("C-17850");
      assertThat(made.created()).isTrue();
      assertThat(taken.id()).isEqualTo(made.id());
      assertThat(taken.created()).isFalse();
      assertThat(
              workspace.in(
                  () ->
                      jdbc.sql("select count(*) from customer where external_key = 'C-17850'")
                          .query(Long.class)
                          .single()))
          .isEqualTo(1);
    } finally {
      firstMayCommit.countDown();
      imports.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aKeyIsSetShownChangedAndTakenAway() throws Exception {
    setKey(rep, customer, "\"ERP-001\"", null)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.externalKey").value("ERP-001"));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.externalKey").value("ERP-001"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("CHANGED"))
        .andExpect(jsonPath("$.items[0].detail.fields", contains("externalKey")));
    setKey(rep, customer, "\"  ERP-002 \"", "\"1\"")
        .andExpect(jsonPath("$.externalKey").value("ERP-002"));
    setKey(rep, customer, "null", null).andExpect(jsonPath("$.externalKey").value(nullValue()));
  }

  @Test
  void aKeyIsUniqueAmongTheWorkspacesCustomersThatAreNotDeleted() throws Exception {
    setKey(rep, customer, "\"ERP-001\"", null).andExpect(status().isOk());
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String other = create(admin, "东方贸易");
    setKey(admin, other, "\"ERP-001\"", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("externalKey"))
        .andExpect(jsonPath("$.errors[0].code").value("external-key-taken"));
    setKey(admin, other, "\"" + "k".repeat(201) + "\"", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("size"));

    mvc.perform(
            delete("/api/v1/customers/" + customer)
                .header("Authorization", rep.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, rep.bearer(), "/api/v1/customers/" + customer)))
        .andExpect(status().isNoContent());
    setKey(admin, other, "\"ERP-001\"", null).andExpect(status().isOk());

    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    String abroad = create(foreign, "华信科技");
    setKey(foreign, abroad, "\"ERP-001\"", null).andExpect(status().isOk());
  }

  @Test
  void aStaleVersionAnotherOwnersCustomerAndNoRightsAreRefused() throws Exception {
    setKey(rep, customer, "\"ERP-001\"", "\"7\"").andExpect(status().isPreconditionFailed());
    setKey(workspace.member(Role.SALES), customer, "\"ERP-001\"", null)
        .andExpect(status().isNotFound());
    setKey(workspace.member(Role.ANALYST), customer, "\"ERP-001\"", null)
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/customers/" + customer + "/external-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalKey\":\"ERP-001\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.externalKey").value(nullValue()))
        .andExpect(jsonPath("$.version").value(0));
  }

  ResultActions setKey(Member member, String id, String key, String ifMatch) throws Exception {
    var request =
        put("/api/v1/customers/" + id + "/external-key")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"externalKey\":" + key + "}");
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/customers/" + id));
    return mvc.perform(request);
  }

  String create(Member member, String name) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", member.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }
}
