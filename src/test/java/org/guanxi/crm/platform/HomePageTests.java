package org.guanxi.crm.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The home page answers "what do I do now": the modules' sections of it for the user's role — the
 * day's and overdue tasks, customers about to return to the pool, deals closing this month, new
 * leads — each showing the user's own, never another rep's.
 */
@GuanxiTest
class HomePageTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member rep;
  Cookie session;

  @BeforeEach
  void aSignedInRep() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
  }

  @Test
  void aRepsHomePageLoadsTheSectionsOfItsWorkAndNoComingLaterText() throws Exception {
    mvc.perform(get("/").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("hx-get=\"/home/tasks\"")))
        .andExpect(content().string(containsString("hx-get=\"/home/pool-due\"")))
        .andExpect(content().string(containsString("hx-get=\"/opportunities/home\"")))
        .andExpect(content().string(containsString("hx-get=\"/leads/home\"")))
        .andExpect(content().string(not(containsString("next releases"))))
        .andExpect(content().string(not(containsString("class=\"later\""))));
    Member service = workspace.member(Role.SERVICE);
    mvc.perform(get("/").cookie(PageLogin.signIn(mvc, service.username(), TestWorkspace.PASSWORD)))
        .andExpect(content().string(containsString("hx-get=\"/home/tasks\"")))
        .andExpect(content().string(not(containsString("hx-get=\"/leads/home\""))))
        .andExpect(content().string(not(containsString("hx-get=\"/opportunities/home\""))));
  }

  @Test
  void eachSectionShowsTheRepsOwnWorkAndNotAnotherRepsOfTheSameTeam() throws Exception {
    String customer =
        create(rep, "/api/v1/customers", "{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}");
    create(
        rep,
        "/api/v1/tasks",
        "{\"title\": \"昨天该打的电话\", \"dueOn\": \"%s\", \"customerId\": \"%s\"}"
            .formatted(TODAY.minusDays(1), customer));
    create(
        rep,
        "/api/v1/tasks",
        "{\"title\": \"下周的事\", \"dueOn\": \"%s\"}".formatted(TODAY.plusDays(7)));
    create(
        rep,
        "/api/v1/opportunities",
        "{\"name\": \"本月签约\", \"customerId\": \"%s\", \"amount\": 50000, \"expectedCloseDate\": \"%s\"}"
            .formatted(customer, TODAY.withDayOfMonth(TODAY.lengthOfMonth())));
    create(rep, "/api/v1/leads", "{\"name\": \"王小明\", \"company\": \"新公司\"}");
    // the workspace's customers return after 10 days; this one was last followed up 5 days ago
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(
            put("/api/v1/customer-pool-settings")
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/customer-pool-settings"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"returnAfterDays\": 10, \"claimLimit\": 100, \"keyAccountsExempt\": true}"))
        .andExpect(status().isOk());
    workspace.in(
        () ->
            jdbc.sql(
                    "update customer set followed_up_at = now() - interval '5 days' where id = cast(? as uuid)")
                .param(customer)
                .update());

    mvc.perform(get("/home/tasks").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("昨天该打的电话")))
        .andExpect(content().string(containsString("逾期")))
        .andExpect(content().string(not(containsString("下周的事"))));
    mvc.perform(get("/home/pool-due").cookie(session))
        .andExpect(content().string(containsString("远航物流")))
        .andExpect(content().string(containsString(TODAY.plusDays(5).toString())));
    mvc.perform(get("/opportunities/home").cookie(session))
        .andExpect(content().string(containsString("本月签约")))
        .andExpect(content().string(containsString("¥50,000.00")));
    mvc.perform(get("/leads/home").cookie(session))
        .andExpect(content().string(containsString("王小明")));

    Member otherRep = workspace.member(Role.SALES);
    Cookie other = PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/home/tasks").cookie(other))
        .andExpect(content().string(not(containsString("昨天该打的电话"))));
    mvc.perform(get("/home/pool-due").cookie(other))
        .andExpect(content().string(not(containsString("远航物流"))));
    mvc.perform(get("/opportunities/home").cookie(other))
        .andExpect(content().string(not(containsString("本月签约"))));
    mvc.perform(get("/leads/home").cookie(other))
        .andExpect(content().string(not(containsString("王小明"))));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(
            get("/opportunities/home")
                .cookie(PageLogin.signIn(mvc, foreign.username(), TestWorkspace.PASSWORD)))
        .andExpect(content().string(not(containsString("本月签约"))));
    mvc.perform(get("/home/tasks")).andExpect(status().is3xxRedirection());
  }

  @Test
  void aManagersHomeAddsTheTeamsRankingFunnelAndWeeklyBriefing() throws Exception {
    var team = workspace.team("华南销售部", null);
    Member manager = workspace.member(Role.MANAGER, team);
    Member teamRep = workspace.member(Role.SALES, team);
    String customer =
        create(teamRep, "/api/v1/customers", "{\"kind\": \"ORGANIZATION\", \"name\": \"南方电网\"}");
    for (String channel : new String[] {"CALL", "CALL", "VISIT"}) {
      create(
          teamRep,
          "/api/v1/interactions",
          "{\"customerId\": \"%s\", \"channel\": \"%s\", \"summary\": \"跟进\"}"
              .formatted(customer, channel));
    }
    String deal =
        create(
            teamRep,
            "/api/v1/opportunities",
            "{\"name\": \"配网改造\", \"customerId\": \"%s\", \"amount\": 80000, \"expectedCloseDate\": \"%s\"}"
                .formatted(customer, TODAY));
    mvc.perform(
            post("/api/v1/opportunities/" + deal + "/win")
                .header("Authorization", teamRep.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isOk());

    create(
        manager,
        "/api/v1/sales-targets",
        "{\"userId\": \"%s\", \"month\": \"%s\", \"amount\": 200000}"
            .formatted(teamRep.id(), java.time.YearMonth.from(TODAY)));
    Cookie managerSession = PageLogin.signIn(mvc, manager.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/").cookie(managerSession))
        .andExpect(content().string(containsString("hx-get=\"/opportunities/home/team\"")))
        .andExpect(content().string(containsString("hx-get=\"/home/activity\"")));
    mvc.perform(get("/").cookie(session))
        .andExpect(content().string(not(containsString("/opportunities/home/team"))))
        .andExpect(content().string(not(containsString("/home/activity"))));
    mvc.perform(get("/home/activity").cookie(managerSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Test " + teamRep.username())))
        .andExpect(content().string(containsString("<strong>3</strong>")));
    mvc.perform(get("/opportunities/home/team").cookie(managerSession))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Test " + teamRep.username())))
        .andExpect(content().string(containsString("¥80,000.00")))
        .andExpect(content().string(containsString("¥200,000.00")))
        .andExpect(content().string(containsString("40%")))
        .andExpect(content().string(containsString("初步接洽")));
    // another team's manager sees none of it
    Member otherManager = workspace.member(Role.MANAGER, workspace.team("华北销售部", null));
    Cookie otherSession = PageLogin.signIn(mvc, otherManager.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/home/activity").cookie(otherSession))
        .andExpect(content().string(not(containsString(teamRep.username()))));
    mvc.perform(get("/opportunities/home/team").cookie(otherSession))
        .andExpect(content().string(not(containsString("¥80,000.00"))));
  }

  private String create(Member member, String path, String json) throws Exception {
    ResultActions created =
        mvc.perform(
            post(path)
                .header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }
}
