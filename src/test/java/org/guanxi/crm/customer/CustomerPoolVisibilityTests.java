package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

/**
 * A customer in the pool has no owner: reps and managers do not see it through the customer list,
 * search, its page, the API or {@link Customers} until they claim it, a share does not show it, and
 * its former owner loses it; the roles that see the whole workspace still do.
 */
@GuanxiTest
class CustomerPoolVisibilityTests {

  static final String NAME = "欧阳明月贸易";
  static final String PHONE = "13755558888";

  @Autowired MockMvc mvc;
  @Autowired Grants grants;
  @Autowired TestWorkspaces workspaces;
  @Autowired Customers customers;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  UUID east;
  Member formerOwner;
  Member rep;
  Member manager;
  Member colleague;
  Member marketing;
  UUID customer;

  @BeforeEach
  void aCustomerReleasedToThePool() throws Exception {
    workspace = workspaces.create();
    east = workspace.team("华东 East", null);
    formerOwner = workspace.member(Role.SALES, east);
    rep = workspace.member(Role.SALES, east);
    manager = workspace.member(Role.MANAGER, east);
    colleague = workspace.member(Role.SALES, east);
    marketing = workspace.member(Role.MARKETING);
    customer =
        UUID.fromString(
            JsonPath.read(
                mvc.perform(
                        post("/api/v1/customers")
                            .header("Authorization", formerOwner.bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"kind\":\"ORGANIZATION\",\"name\":\""
                                    + NAME
                                    + "\",\"phone\":\""
                                    + PHONE
                                    + "\"}"))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.id"));
    mvc.perform(
            post("/api/v1/customers/" + customer + "/shares")
                .header("Authorization", formerOwner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + colleague.id() + "\"}"))
        .andExpect(status().is2xxSuccessful());
    assertThat(sees(colleague)).as("shared before it went to the pool").isTrue();
    mvc.perform(
            post("/api/v1/customers/" + customer + "/release")
                .header("Authorization", formerOwner.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, formerOwner.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"测试\"}"))
        .andExpect(status().isOk());
  }

  @Test
  void aPoolCustomerIsHiddenFromRepsAndManagersEverywhereUntilClaimed() throws Exception {
    for (Member member : List.of(formerOwner, rep, manager, colleague)) {
      assertThat(sees(member)).as(member.username()).isFalse();
    }
    mvc.perform(
            post("/api/v1/customer-pool/" + customer + "/claim")
                .header("Authorization", rep.bearer()))
        .andExpect(status().isOk());
    assertThat(sees(rep)).as("the rep who claimed it").isTrue();
    assertThat(sees(manager)).as("the manager of the rep's team").isTrue();
    assertThat(sees(formerOwner)).as("the former owner").isFalse();
    assertThat(sees(colleague)).as("the share ended when it went to the pool").isFalse();
  }

  @Test
  void theWorkspaceWideRolesStillSeeAPoolCustomer() throws Exception {
    assertThat(sees(marketing)).isTrue();
    assertThat(sees(workspace.member(Role.ADMINISTRATOR))).isTrue();
  }

  @Test
  void aShareGivenWhileTheCustomerIsInThePoolDoesNotShowIt() throws Exception {
    workspace.in(
        () ->
            jdbc.sql(
                    "insert into customer_share (workspace_id, customer_id, user_id) values (guanxi_current_workspace(), ?, ?)")
                .params(customer, colleague.id())
                .update());
    assertThat(sees(colleague)).isFalse();
  }

  /**
   * Whether the member finds the customer by every way there is: by id, in the list, by name, by
   * phone and its last four digits, on its page, on its timeline and through {@link Customers}. All
   * of them must agree.
   */
  private boolean sees(Member member) throws Exception {
    int byId = statusOf("/api/v1/customers/" + customer, member);
    int timeline = statusOf("/api/v1/customers/" + customer + "/timeline", member);
    boolean inList = listed("/api/v1/customers", member);
    boolean byName = listed("/api/v1/customers?q=欧阳明月", member);
    boolean byPinyin = listed("/api/v1/customers?q=ouyang", member);
    boolean byPhone = listed("/api/v1/customers?q=" + PHONE, member);
    boolean byPhoneTail = listed("/api/v1/customers?q=8888", member);
    CurrentUser user = currentUser(member);
    boolean found = workspace.in(() -> customers.find(user, customer).isPresent());
    boolean counted = workspace.in(() -> customers.countVisible(user)) > 0;
    List<Boolean> answers =
        List.of(
            byId == 200,
            timeline == 200,
            inList,
            byName,
            byPinyin,
            byPhone,
            byPhoneTail,
            found,
            counted);
    assertThat(answers)
        .as("every way agrees for " + member.username())
        .containsOnly(answers.get(0));
    assertThat(byId).isIn(200, 404);
    return answers.get(0);
  }

  private int statusOf(String path, Member member) throws Exception {
    return mvc.perform(get(path).header("Authorization", member.bearer()))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private boolean listed(String path, Member member) throws Exception {
    String body =
        mvc.perform(get(path).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ids = JsonPath.read(body, "$.items[*].id");
    return ids.contains(customer.toString());
  }

  private CurrentUser currentUser(Member member) {
    UUID team =
        member.role() == Role.MARKETING || member.role() == Role.ADMINISTRATOR
            ? workspace.headOffice()
            : east;
    return new CurrentUser(
        workspace.id(),
        member.id(),
        member.username(),
        "Test " + member.username(),
        Set.of(member.role()),
        grants.of(Set.of(member.role())),
        team,
        List.of(team),
        null);
  }
}
