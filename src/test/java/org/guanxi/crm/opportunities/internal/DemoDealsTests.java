package org.guanxi.crm.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.NewAccount;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.Workspaces;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A new demo workspace starts with deals: open ones on the board, won and lost in the forecast. */
@GuanxiTest
class DemoDealsTests {

  @Autowired Workspaces workspaces;
  @Autowired MockMvc mvc;

  @Test
  void aNewDemoWorkspaceHasDealsOnTheBoardAndInTheForecast() throws Exception {
    String username = "demo-rep-" + UUID.randomUUID().toString().substring(0, 8);
    UUID[] rep = new UUID[1];
    UUID demo =
        workspaces.create(
            "demo-" + UUID.randomUUID(),
            "Demo",
            true,
            headOffice ->
                rep[0] =
                    workspaces.createAccount(
                        new NewAccount(
                            username,
                            "演示销售 Demo rep",
                            TestWorkspace.PASSWORD,
                            Set.of(Role.SALES),
                            headOffice)));
    String bearer =
        "Bearer " + WorkspaceContext.callIn(demo, () -> workspaces.issueToken(rep[0], "test"));

    // the deals are made once the workspace is committed (a module listener)
    await()
        .untilAsserted(
            () ->
                assertThat(
                        deals(bearer, "OPEN", "$.items[*].id").size()
                            + deals(bearer, "WON", "$.items[*].id").size()
                            + deals(bearer, "LOST", "$.items[*].id").size())
                    .isEqualTo(DemoDeals.DEALS_PER_REP));
    List<String> open = deals(bearer, "OPEN", "$.items[*].stageId");
    List<String> won = deals(bearer, "WON", "$.items[*].id");
    List<String> lost = deals(bearer, "LOST", "$.items[*].lostReason");
    assertThat(open.size() + won.size() + lost.size()).isEqualTo(DemoDeals.DEALS_PER_REP);
    assertThat(new HashSet<>(open)).as("open deals in several stages").hasSizeGreaterThan(2);
    assertThat(won).isNotEmpty();
    assertThat(lost).isNotEmpty().doesNotContainNull();
    assertThat(deals(bearer, "WON", "$.items[?(@.orderId)].orderId"))
        .as("most won deals have placed their order")
        .isNotEmpty();
    List<Number> amounts = deals(bearer, "OPEN", "$.items[*].amount");
    assertThat(amounts).allSatisfy(amount -> assertThat(amount.doubleValue()).isPositive());

    mvc.perform(get("/api/v1/opportunities/forecast").header("Authorization", bearer))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.closed.won").value(won.size()))
        .andExpect(jsonPath("$.closed.lost").value(lost.size()))
        .andExpect(jsonPath("$.months[?(@.openDeals > 0)]", hasSize(greaterThan(2))))
        .andExpect(jsonPath("$.reps[0].label").value("演示销售 Demo rep"));

    String name =
        JsonPath.read(
            mvc.perform(
                    get("/api/v1/opportunities")
                        .param("status", "OPEN")
                        .header("Authorization", bearer))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].name");
    Cookie session = PageLogin.signIn(mvc, username, TestWorkspace.PASSWORD);
    mvc.perform(get("/opportunities/board").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name)));
    mvc.perform(get("/opportunities/forecast").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("演示销售 Demo rep")));
  }

  private <T> List<T> deals(String bearer, String status, String path) throws Exception {
    return JsonPath.read(
        mvc.perform(
                get("/api/v1/opportunities")
                    .param("status", status)
                    .param("limit", "200")
                    .header("Authorization", bearer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        path);
  }
}
