package org.guanxi.crm.tasks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The tasks pages, the customer page's task panel and the bell: a rep's day, refused input kept as
 * typed, and what another owner and strangers get.
 */
@GuanxiTest
class TaskPagesTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  Cookie session;
  String customer;

  @BeforeEach
  void aSignedInRepWithACustomer() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", rep.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"ORGANIZATION\", \"name\": \"远航物流\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
  }

  @Test
  void aRepAddsATaskFromTheCustomerPageSeesItOverdueAndMarksItDone() throws Exception {
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(content().string(containsString("/customers/" + customer + "/task-panel")));
    mvc.perform(get("/customers/" + customer + "/task-panel").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("没有待办")))
        .andExpect(content().string(containsString("/tasks/new?customerId=" + customer)));
    mvc.perform(get("/tasks/new?customerId=" + customer).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("远航物流")));
    String location =
        mvc.perform(
                post("/tasks")
                    .cookie(session)
                    .with(csrf())
                    .param("title", "给远航物流回电话")
                    .param("dueOn", TODAY.minusDays(1).toString())
                    .param("priority", "HIGH")
                    .param("customerId", customer))
            .andExpect(redirectedUrlPattern("/tasks/*"))
            .andExpect(flash().attribute("flashNotice", "tasks.saved"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get("/tasks").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("给远航物流回电话")))
        .andExpect(content().string(containsString("逾期")))
        .andExpect(content().string(containsString("href=\"/tasks\">待办</a>")));
    mvc.perform(get("/customers/" + customer + "/task-panel").cookie(session))
        .andExpect(content().string(containsString("给远航物流回电话")));
    mvc.perform(
            post(location + "/complete")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("back", "https://elsewhere.example/"))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(flash().attribute("flashNotice", "tasks.completed"));
    mvc.perform(get("/tasks").cookie(session))
        .andExpect(content().string(not(containsString("给远航物流回电话"))));
    mvc.perform(get("/tasks?done=true").cookie(session))
        .andExpect(content().string(containsString("给远航物流回电话")));
  }

  @Test
  void refusedInputComesBackAsTypedAndNothingIsSaved() throws Exception {
    mvc.perform(
            post("/tasks")
                .cookie(session)
                .with(csrf())
                .param("title", "  ")
                .param("dueOn", TODAY.toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请修改标出的字段")));
    mvc.perform(
            post("/tasks").cookie(session).with(csrf()).param("title", "准备报价").param("dueOn", "明天"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("准备报价")))
        .andExpect(content().string(containsString("请修改标出的字段")));
    mvc.perform(
            post("/tasks")
                .cookie(session)
                .with(csrf())
                .param("title", "准备报价")
                .param("dueOn", TODAY.toString())
                .param("dueTime", "25:99"))
        .andExpect(content().string(containsString("不是有效时间")));
    mvc.perform(get("/tasks").cookie(session)).andExpect(content().string(containsString("没有待办")));
  }

  @Test
  void anotherOwnersRepAndStrangersGetNothing() throws Exception {
    String id =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/tasks")
                        .header("Authorization", rep.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            "{\"title\": \"私人任务\", \"dueOn\": \"%s\", \"customerId\": \"%s\"}"
                                .formatted(TODAY, customer)))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    Member otherRep = workspace.member(Role.SALES);
    Cookie other = PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/tasks/" + id).cookie(other))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("私人任务"))));
    mvc.perform(get("/tasks").cookie(other))
        .andExpect(content().string(not(containsString("私人任务"))));
    mvc.perform(get("/customers/" + customer + "/task-panel").cookie(other))
        .andExpect(status().isNotFound());
    mvc.perform(post("/tasks/" + id + "/complete").cookie(other).with(csrf()).param("version", "0"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection());
  }

  @Test
  void theBellCountsUnreadNotificationsAndOpeningOneMarksItRead() throws Exception {
    mvc.perform(get("/").cookie(session))
        .andExpect(content().string(containsString("hx-get=\"/notifications/bell\"")));
    mvc.perform(get("/notifications/bell").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("class=\"count\""))));
    mvc.perform(get("/notifications").cookie(session))
        .andExpect(content().string(containsString("没有新通知")));
    mvc.perform(
            post("/notifications/" + java.util.UUID.randomUUID() + "/open")
                .cookie(session)
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/notifications")).andExpect(status().is3xxRedirection());
  }
}
