package org.guanxi.crm.catalogue;

import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class ProductPagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Cookie session;

  @BeforeEach
  void signedInAdministrator() throws Exception {
    workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
  }

  @Test
  void aProductCreatedInTheFormIsListedAndFoundByTheSearchBox() throws Exception {
    save("/products", "P-100", "工业水泵", "1200").andExpect(redirectedUrl("/products"));
    save("/products", "V-200", "阀门", "35.5").andExpect(redirectedUrl("/products"));

    mvc.perform(get("/products").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("产品")))
        .andExpect(content().string(containsString("工业水泵")))
        .andExpect(content().string(containsString("CNY 1,200.00")));
    mvc.perform(get("/products/rows").cookie(session).param("q", "水泵"))
        .andExpect(content().string(containsString("P-100")))
        .andExpect(content().string(not(containsString("V-200"))));
    mvc.perform(get("/products").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("List price")));
  }

  @Test
  void badInputIsExplainedInTheFormAndTheTypedValuesStay() throws Exception {
    save("/products", "P-1", "水泵", "100").andExpect(redirectedUrl("/products"));
    save("/products", "p-1", "另一个水泵", "5")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("已有其他产品使用此编码")))
        .andExpect(content().string(containsString("value=\"另一个水泵\"")));
    save("/products", "P-3", "水泵3", "-5")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("不能为负数")));
    save("/products", "P-2", "水泵2", "cheap")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("不是有效的值")));
  }

  @Test
  void aStaleEditShowsTheConflict() throws Exception {
    save("/products", "P-1", "水泵", "100");
    String id =
        workspace.in(
            () -> jdbc().sql("select cast(id as text) from product").query(String.class).single());
    mvc.perform(get("/products/" + id + "/edit").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"水泵\"")));
    save("/products/" + id, "P-1", "水泵A", "100", "0").andExpect(redirectedUrl("/products"));
    save("/products/" + id, "P-1", "水泵B", "100", "0")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("其他人修改了该产品")));
    mvc.perform(get("/products/" + java.util.UUID.randomUUID() + "/edit").cookie(session))
        .andExpect(status().isNotFound());
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

  org.springframework.jdbc.core.simple.JdbcClient jdbc() {
    return jdbcClient;
  }

  ResultActions save(String path, String code, String name, String price, String... version)
      throws Exception {
    var call =
        post(path)
            .cookie(session)
            .with(csrf())
            .param("code", code)
            .param("name", name)
            .param("unit", "台")
            .param("listPrice", price)
            .param("unitCost", "1")
            .param("currency", "CNY")
            .param("active", "true");
    if (version.length > 0) {
      call.param("version", version[0]);
    }
    return mvc.perform(call);
  }
}
