package org.guanxi.crm.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
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
 * The search box of the top bar finds customers, leads, deals and orders the user may see, each
 * under its heading; nothing of another rep's or another workspace's.
 */
@GuanxiTest
class GlobalSearchTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  String orderNumber;

  @BeforeEach
  void aRepsCustomerLeadDealAndOrder() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    String customer =
        create("/api/v1/customers", "{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}", "$.id");
    create("/api/v1/leads", "{\"name\": \"远航王经理\", \"company\": \"远航集团\"}", "$.id");
    create(
        "/api/v1/opportunities",
        "{\"name\": \"远航年度合同\", \"customerId\": \"%s\", \"amount\": 1000, \"expectedCloseDate\": \"%s\"}"
            .formatted(customer, LocalDate.now().plusMonths(1)),
        "$.id");
    orderNumber =
        create(
            "/api/v1/orders",
            "{\"customerId\":\"%s\",\"status\":\"CONFIRMED\",\"lines\":[{\"description\":\"服务\",\"quantity\":1,\"unitPrice\":100}]}"
                .formatted(customer),
            "$.number");
  }

  @Test
  void theSearchBoxFindsEveryKindOfRecordTheRepSees() throws Exception {
    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/").cookie(session))
        .andExpect(content().string(containsString("class=\"global-search\"")));
    mvc.perform(get("/search").param("q", "远航").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(">远航物流</a>")))
        .andExpect(content().string(containsString(">远航王经理</a>")))
        .andExpect(content().string(containsString(">远航年度合同</a>")));
    mvc.perform(
            get("/search").param("q", orderNumber.substring(0, 4).toLowerCase()).cookie(session))
        .andExpect(content().string(containsString(">" + orderNumber + "</a>")));
    mvc.perform(get("/search").param("q", "%").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(">远航年度合同</a>"))));
    mvc.perform(get("/search").param("q", "a\u0000b").cookie(session))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anotherRepAnotherWorkspaceAndAServiceAgentFindOnlyWhatTheyMaySee() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    mvc.perform(get("/search").param("q", "远航").cookie(signIn(otherRep)))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("远航物流"))))
        .andExpect(content().string(not(containsString("远航年度合同"))));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/search").param("q", "远航").cookie(signIn(foreign)))
        .andExpect(content().string(not(containsString("远航物流"))));
    Member agent = workspace.member(Role.SERVICE);
    mvc.perform(get("/search").param("q", "远航").cookie(signIn(agent)))
        .andExpect(content().string(containsString(">远航物流</a>")))
        .andExpect(content().string(not(containsString("远航王经理"))))
        .andExpect(content().string(not(containsString("远航年度合同"))));
    mvc.perform(get("/search").param("q", "远航")).andExpect(status().is3xxRedirection());
  }

  private Cookie signIn(Member member) throws Exception {
    return PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
  }

  private String create(String path, String json, String field) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post(path)
                    .header("Authorization", rep.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        field);
  }
}
