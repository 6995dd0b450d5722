package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
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
 * The character U+0000 (NUL), which PostgreSQL cannot store, is the caller's input at fault
 * wherever it comes: a field of a JSON body, a search or filter, a cursor, a page's form or the
 * login. It is refused with what is wrong (never a 500), and a page form comes back as typed.
 */
@GuanxiTest
class NulCharacterTests {

  static final String NUL = "\u0000";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void aRep() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void aNulInAJsonFieldIsRefusedWith422NamingTheFieldAndNothingIsSaved() throws Exception {
    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", sales.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"ORGANIZATION\",\"name\":\"华信\\u0000科技\",\"tags\":[\"VIP\",\"a\\u0000\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("validation"))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-text"))
        .andExpect(jsonPath("$.errors[1].field").value("tags[1]"))
        .andExpect(jsonPath("$.errors[1].code").value("invalid-text"));
    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aNulInAMergePatchIsRefusedWith422AndTheRecordStaysAsItWas() throws Exception {
    String customer = createCustomer("华信科技");
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"上\\u0000海\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("city"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-text"));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.city").doesNotExist());
  }

  @Test
  void aNulInASearchOrAFilterIsRefusedWith400() throws Exception {
    createCustomer("华信科技");
    for (String parameter : List.of("q", "tag", "city", "industry")) {
      mvc.perform(
              get("/api/v1/customers")
                  .header("Authorization", sales.bearer())
                  .param(parameter, "华信" + NUL))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("urn:guanxi:problem:invalid-text"))
          .andExpect(jsonPath("$.code").value("invalid-text"))
          .andExpect(jsonPath("$.parameter").value(parameter));
    }
    mvc.perform(get("/api/v1/leads").header("Authorization", sales.bearer()).param("q", "张" + NUL))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid-text"));
  }

  @Test
  void aNulThatReachesTheDatabaseUncheckedIsStillA400NotA500() throws Exception {
    // the reason of a release is free text that no command record carries: PostgreSQL's refusal
    // is what answers
    String customer = createCustomer("华信科技");
    mvc.perform(
            post("/api/v1/customers/" + customer + "/release")
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"不再\\u0000合作\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("invalid-text"));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.ownerId").value(sales.id().toString()));
  }

  @Test
  void aCursorWithANulIsNotOneTheListGaveOut() throws Exception {
    createCustomer("华信科技");
    String madeUp = PageCursors.encode("NAME", UUID.randomUUID(), "hua" + NUL);
    mvc.perform(
            get("/api/v1/customers")
                .header("Authorization", sales.bearer())
                .param("sort", "NAME")
                .param("cursor", madeUp))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("cursor"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-cursor"));
    mvc.perform(
            get("/api/v1/customers")
                .header("Authorization", sales.bearer())
                .param("sort", "NAME")
                .param("cursor", "abc" + NUL))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid-text"))
        .andExpect(jsonPath("$.parameter").value("cursor"));
  }

  @Test
  void aNulTypedIntoAPageFormComesBackInTheFormWithAMessage() throws Exception {
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/customers")
                .cookie(session)
                .with(csrf())
                .param("kind", "ORGANIZATION")
                .param("name", "华信" + NUL + "科技")
                .param("city", "成都")
                .param("industry", "制造业"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")))
        .andExpect(content().string(containsString("含有无法保存的字符")))
        .andExpect(content().string(containsString("value=\"成都\"")))
        .andExpect(content().string(containsString("value=\"制造业\"")));
    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aNulInAPageSearchOrCursorShowsWhatIsWrongInsteadOfAnError() throws Exception {
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers").cookie(session).param("q", "华信" + NUL))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("含有无法保存或搜索的字符")));
    mvc.perform(get("/customers/rows").cookie(session).param("cursor", "not-a-cursor"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("请从第一页重新开始")));
  }

  @Test
  void aNulInTheLoginNameIsAFailedSignInNotAnError() throws Exception {
    String name = sales.username();
    var response =
        PageLogin.attempt(
            mvc, name.substring(0, 3) + NUL + name.substring(3), TestWorkspace.PASSWORD);
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
  }

  private String createCustomer(String name) throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(created, "$.id");
  }
}
