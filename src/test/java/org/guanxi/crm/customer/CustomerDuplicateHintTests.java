package org.guanxi.crm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
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
 * Typing a new customer shows the customers that look the same before it is saved, as the import
 * finds them: by name, phone or e-mail; one the user does not see is named as such, without its
 * name.
 */
@GuanxiTest
class CustomerDuplicateHintTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member owner;

  @BeforeEach
  void aCustomerWithPhone() throws Exception {
    workspace = workspaces.create();
    owner = workspace.member(Role.SALES);
    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\": \"ORGANIZATION\", \"name\": \"华为技术\", \"phone\": \"13912345678\"}"))
        .andExpect(status().isCreated());
  }

  @Test
  void theNewCustomerFormLooksForDuplicatesWhileTyping() throws Exception {
    Cookie session = signIn(owner);
    mvc.perform(get("/customers/new").cookie(session))
        .andExpect(content().string(containsString("hx-get=\"/customers/duplicates\"")));
    mvc.perform(get("/customers/duplicates").param("name", "华为技术").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">华为技术</a>")))
        .andExpect(content().string(containsString("名称相同")));
    mvc.perform(get("/customers/duplicates").param("phone", "139 1234 5678").cookie(session))
        .andExpect(content().string(containsString("电话相同")));
    // a phone still being typed is no error: the name alone is looked for
    mvc.perform(
            get("/customers/duplicates")
                .param("name", "华为技术")
                .param("phone", "139")
                .cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("名称相同")));
    mvc.perform(get("/customers/duplicates").param("name", "小米").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("看起来相同"))));
  }

  @Test
  void aColleagueLearnsThatSuchACustomerExistsButNotItsNameAndOthersAreRefused() throws Exception {
    Member colleague = workspace.member(Role.SALES);
    mvc.perform(get("/customers/duplicates").param("name", "华为技术").cookie(signIn(colleague)))
        .andExpect(content().string(containsString("一位您看不到的客户")))
        .andExpect(content().string(not(containsString("华为技术</a>"))));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/customers/duplicates").param("name", "华为技术").cookie(signIn(foreign)))
        .andExpect(content().string(not(containsString("看起来相同"))));
    Member analyst = workspace.member(Role.ANALYST);
    mvc.perform(get("/customers/duplicates").param("name", "华为技术").cookie(signIn(analyst)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/customers/duplicates").param("name", "华为技术"))
        .andExpect(status().is3xxRedirection());
  }

  private Cookie signIn(Member member) throws Exception {
    return PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
  }
}
