package org.guanxi.crm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The pool pages: the list with claim and assign, the customer page's pool panel, the rules. */
@GuanxiTest
class CustomerPoolPagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  UUID east;
  Member admin;
  Member manager;
  Member owner;
  Member rep;

  @BeforeEach
  void aTeam() {
    workspace = workspaces.create();
    east = workspace.team("华东 East", null);
    admin = workspace.member(Role.ADMINISTRATOR);
    manager = workspace.member(Role.MANAGER, east);
    owner = workspace.member(Role.SALES, east);
    rep = workspace.member(Role.SALES, east);
  }

  @Test
  void theOwnerReleasesACustomerFromItsPageAndIsSentToThePool() throws Exception {
    UUID customer = create(owner, "星光传媒", "13700001234");
    Cookie session = signIn(owner);
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/customers/" + customer + "/pool-panel")));
    mvc.perform(get("/customers/" + customer + "/pool-panel").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Last follow-up")))
        .andExpect(content().string(containsString("Release to the pool")));

    mvc.perform(
            post("/customers/" + customer + "/release")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "0")
                .param("reason", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This field is required")));
    mvc.perform(
            post("/customers/" + customer + "/release")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "7")
                .param("reason", "不合适"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("changed this customer meanwhile")))
        .andExpect(content().string(containsString("不合适")));
    mvc.perform(
            post("/customers/" + customer + "/release")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("version", "0")
                .param("reason", "不合适"))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Redirect", "/pool?released=true"));

    mvc.perform(get("/customers/" + customer).cookie(session)).andExpect(status().isNotFound());
    mvc.perform(get("/pool").cookie(session).param("released", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The customer went back to the pool")))
        .andExpect(content().string(containsString("星光传媒")))
        .andExpect(content().string(not(containsString("137****1234"))))
        .andExpect(content().string(containsString("Released by the owner")));
  }

  @Test
  void aManagerSeesReclaimOnTheTeamsCustomerAndTheWorkspaceRolesSeeThePoolStatus()
      throws Exception {
    UUID customer = create(owner, "月亮湾酒店", null);
    mvc.perform(get("/customers/" + customer + "/pool-panel").cookie(signIn(manager)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Reclaim for the pool")));
    Cookie marketing = signIn(workspace.member(Role.MARKETING));
    mvc.perform(get("/customers/" + customer + "/pool-panel").cookie(marketing))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Release to the pool"))))
        .andExpect(content().string(not(containsString("Reclaim for the pool"))));

    release(owner, customer);
    mvc.perform(get("/customers/" + customer + "/pool-panel").cookie(marketing))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("In the pool: 华东 East")));
    mvc.perform(get("/customers/" + customer).cookie(marketing))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Returned to the pool")));
    mvc.perform(get("/customers/" + customer + "/pool-panel").cookie(signIn(rep)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aRepClaimsFromTheListWithoutLeavingItAndLearnsWhenSomeoneWasQuicker() throws Exception {
    UUID customer = create(owner, "海天食品", null);
    release(owner, customer);
    Cookie session = signIn(rep);
    mvc.perform(get("/pool").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("海天食品")))
        .andExpect(content().string(containsString("/pool/" + customer + "/claim")))
        .andExpect(content().string(not(containsString("/pool/" + customer + "/assign"))));
    mvc.perform(
            post("/pool/" + customer + "/claim")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("You now own 海天食品")))
        .andExpect(content().string(containsString("/customers/" + customer)))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(
            post("/pool/" + customer + "/claim")
                .cookie(signIn(manager))
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else took this customer")));
  }

  @Test
  void aRepAtTheClaimLimitIsToldSo() throws Exception {
    mvc.perform(
            put("/api/v1/customer-pool-settings")
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/customer-pool-settings"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"claimLimit\":1,\"keyAccountsExempt\":true}"))
        .andExpect(status().isOk());
    create(rep, "已有客户", null);
    UUID customer = create(owner, "上限客户", null);
    release(owner, customer);
    Cookie session = signIn(rep);
    mvc.perform(get("/pool").cookie(session))
        .andExpect(content().string(containsString("You own 1 customers")));
    mvc.perform(
            post("/pool/" + customer + "/claim")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Retarget", "#pool-message"))
        .andExpect(content().string(containsString("claim limit")))
        .andExpect(content().string(not(containsString("<tr"))));
    mvc.perform(post("/pool/" + customer + "/claim").cookie(session).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("claim limit")))
        .andExpect(content().string(containsString("id=\"pool-" + customer + "\"")));
  }

  @Test
  void aManagerAssignsFromTheList() throws Exception {
    UUID customer = create(owner, "蓝天物流", null);
    release(owner, customer);
    Cookie session = signIn(manager);
    mvc.perform(get("/pool").cookie(session))
        .andExpect(content().string(containsString("/pool/" + customer + "/assign")))
        .andExpect(content().string(containsString("Test " + rep.username())));
    mvc.perform(
            post("/pool/" + customer + "/assign")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This field is required")));
    mvc.perform(
            post("/pool/" + customer + "/assign")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("ownerId", rep.id().toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("蓝天物流 now belongs to Test " + rep.username())));
    mvc.perform(get("/customers/" + customer).cookie(signIn(rep))).andExpect(status().isOk());
  }

  @Test
  void rolesWithoutThePoolDoNotSeeItAndThePagesSpeakChinese() throws Exception {
    mvc.perform(get("/pool").cookie(signIn(workspace.member(Role.ANALYST))))
        .andExpect(status().isForbidden());
    Cookie session = signIn(rep);
    mvc.perform(get("/pool").cookie(session).param("lang", "zh-CN"))
        .andExpect(content().string(containsString("公海客户")))
        .andExpect(content().string(containsString("公海中没有客户")));
    mvc.perform(get("/pool").cookie(session).param("lang", "zh-TW"))
        .andExpect(content().string(containsString("公海中沒有客戶")));
    mvc.perform(get("/").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("href=\"/pool\"")));
  }

  @Test
  void administratorsSetTheRulesOnTheirPageAndWrongValuesStay() throws Exception {
    Cookie session = signIn(admin);
    mvc.perform(get("/admin/pool").cookie(session).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Claim limit")));
    mvc.perform(
            post("/admin/pool")
                .cookie(session)
                .with(csrf())
                .param("returnAfterDays", "0")
                .param("claimLimit", "77")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"77\"")))
        .andExpect(content().string(containsString("Too small")));
    mvc.perform(
            post("/admin/pool")
                .cookie(session)
                .with(csrf())
                .param("returnAfterDays", "45")
                .param("claimLimit", "77")
                .param("keyAccountsExempt", "true")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Saved")));
    mvc.perform(
            post("/admin/pool")
                .cookie(session)
                .with(csrf())
                .param("returnAfterDays", "")
                .param("claimLimit", "50")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else changed these rules")));
    mvc.perform(get("/api/v1/customer-pool-settings").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.returnAfterDays").value(45))
        .andExpect(jsonPath("$.claimLimit").value(77));
    mvc.perform(get("/admin/pool").cookie(signIn(manager))).andExpect(status().isForbidden());
  }

  private void release(Member member, UUID customer) throws Exception {
    mvc.perform(
            post("/api/v1/customers/" + customer + "/release")
                .header("Authorization", member.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, member.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"测试\"}"))
        .andExpect(status().isOk());
  }

  private UUID create(Member member, String name, String phone) throws Exception {
    ResultActions created =
        mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"ORGANIZATION\",\"name\":\""
                        + name
                        + "\""
                        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                        + "}"));
    return UUID.fromString(
        JsonPath.read(
            created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
            "$.id"));
  }

  private Cookie signIn(Member member) throws Exception {
    Cookie session = PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/").cookie(session).param("lang", "en"));
    return session;
  }
}
