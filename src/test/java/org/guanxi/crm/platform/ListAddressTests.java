package org.guanxi.crm.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import jakarta.servlet.http.Cookie;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A list's search and filters land in the browser's address, so that Back, a reload and a shared
 * link show the same list; the "more" button does not change it.
 */
@GuanxiTest
class ListAddressTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  Cookie session;

  @BeforeEach
  void aSignedInRep() throws Exception {
    TestWorkspace workspace = workspaces.create();
    session =
        PageLogin.signIn(mvc, workspace.member(Role.SALES).username(), TestWorkspace.PASSWORD);
  }

  @Test
  void searchingAndFilteringPutTheFiltersInTheAddress() throws Exception {
    mvc.perform(
            get("/customers/rows")
                .param("q", "华为")
                .param("stage", "")
                .param("lifecycleStage", "ACTIVE")
                .cookie(session))
        .andExpect(
            header()
                .string("HX-Replace-Url", "/customers?q=%E5%8D%8E%E4%B8%BA&lifecycleStage=ACTIVE"));
    mvc.perform(get("/leads/rows").param("status", "NEW").cookie(session))
        .andExpect(header().string("HX-Replace-Url", "/leads?status=NEW"));
    mvc.perform(get("/customers/rows").param("q", "华为").param("cursor", "x").cookie(session))
        .andExpect(header().doesNotExist("HX-Replace-Url"));
    mvc.perform(get("/customers").param("q", "华为").cookie(session))
        .andExpect(content().string(containsString("value=\"华为\"")));
  }
}
