package org.guanxi.crm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
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

/**
 * On the customer page the owner and the owner's manager see the customer's phone and e-mail in
 * full, to call (tel:) and write (mailto:), each view audited as a reveal; a colleague it is shared
 * with, and other roles, keep the masked view.
 */
@GuanxiTest
class CustomerOwnerPersonalDataTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  UUID team;
  Member owner;
  String customer;

  @BeforeEach
  void aRepsCustomerWithPhoneAndEmail() throws Exception {
    workspace = workspaces.create();
    team = workspace.team("华东销售部", null);
    owner = workspace.member(Role.SALES, team);
    customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"kind\": \"INDIVIDUAL\", \"name\": \"张伟\", \"phone\": \"13912345678\","
                                + " \"email\": \"zhang.wei@example.com\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
  }

  @Test
  void theOwnerAndTheOwnersManagerCallAndWriteFromThePageAndEachViewIsAudited() throws Exception {
    mvc.perform(get("/customers/" + customer).cookie(signIn(owner)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("href=\"tel:13912345678\"")))
        .andExpect(content().string(containsString("href=\"mailto:zhang.wei@example.com\"")));
    Member manager = workspace.member(Role.MANAGER, team);
    mvc.perform(get("/customers/" + customer).cookie(signIn(manager)))
        .andExpect(content().string(containsString("href=\"tel:13912345678\"")));
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/audit-events").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].action").value("REVEAL"))
        .andExpect(jsonPath("$.items[0].actorName").value(manager.username()))
        .andExpect(jsonPath("$.items[1].action").value("REVEAL"))
        .andExpect(jsonPath("$.items[1].actorName").value(owner.username()))
        .andExpect(jsonPath("$.items[1].subjectId").value(customer));
  }

  @Test
  void aColleagueItIsSharedWithAndAnotherTeamsManagerSeeItMasked() throws Exception {
    Member colleague = workspace.member(Role.SALES, team);
    mvc.perform(
            post("/api/v1/customers/" + customer + "/shares")
                .header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + colleague.id() + "\"}"))
        .andExpect(status().is2xxSuccessful());
    mvc.perform(get("/customers/" + customer).cookie(signIn(colleague)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("139****5678")))
        .andExpect(content().string(not(containsString("13912345678"))))
        .andExpect(content().string(not(containsString("tel:"))));
    Member service = workspace.member(Role.SERVICE);
    mvc.perform(get("/customers/" + customer).cookie(signIn(service)))
        .andExpect(content().string(not(containsString("13912345678"))));
    Member otherManager = workspace.member(Role.MANAGER, workspace.team("华北销售部", null));
    mvc.perform(get("/customers/" + customer).cookie(signIn(otherManager)))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("13912345678"))));
  }

  @Test
  void theHeaderOffersToCallWriteAndStartTheNextStepAsTheRoleAllows() throws Exception {
    mvc.perform(get("/customers/" + customer).cookie(signIn(owner)))
        .andExpect(content().string(containsString("id=\"customer-actions\"")))
        .andExpect(content().string(containsString(">打电话</a>")))
        .andExpect(content().string(containsString(">发邮件</a>")))
        .andExpect(
            content()
                .string(containsString("href=\"/customers/" + customer + "#interaction-form\"")))
        .andExpect(
            content().string(containsString("href=\"/tasks/new?customerId=" + customer + "\"")))
        .andExpect(
            content()
                .string(containsString("href=\"/opportunities/new?customerId=" + customer + "\"")))
        .andExpect(
            content().string(containsString("href=\"/orders/new?customerId=" + customer + "\"")));
    Member analyst = workspace.member(Role.ANALYST);
    mvc.perform(get("/customers/" + customer).cookie(signIn(analyst)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(">打电话</a>"))))
        .andExpect(content().string(not(containsString("/tasks/new?customerId="))))
        .andExpect(content().string(not(containsString("#interaction-form\""))));
  }

  private Cookie signIn(Member member) throws Exception {
    return PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
  }
}
