package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

/** The workspace's time zone: its administrators choose it, and business dates follow it. */
@GuanxiTest
class WorkspaceTimeZoneTests {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired WorkspaceTime time;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void aWorkspaceKeepsBeijingTimeUntilAnAdministratorChoosesAnother() throws Exception {
    mvc.perform(get("/api/v1/workspace-settings").header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().exists("ETag"))
        .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));

    setZone(admin, "Europe/London", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeZone").value("Europe/London"));
    mvc.perform(
            get("/api/v1/workspace-settings")
                .header("Authorization", workspace.member(Role.SALES).bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.timeZone").value("Europe/London"));
  }

  @Test
  void anOrderWithoutADateIsDatedTodayInTheWorkspacesTimeZone() throws Exception {
    // Kiritimati (UTC+14) and Pago Pago (UTC−11) never share a date, whatever the time of day
    for (String zone : List.of("Europe/London", "Pacific/Kiritimati", "Pacific/Pago_Pago")) {
      setZone(admin, zone, null).andExpect(status().isOk());
      LocalDate before = LocalDate.now(ZoneId.of(zone));
      String orderDate = JsonPath.read(order(admin), "$.orderDate");
      LocalDate after = LocalDate.now(ZoneId.of(zone));
      assertThat(LocalDate.parse(orderDate)).as(zone).isBetween(before, after);
    }
  }

  @Test
  void aDayBeginsAtMidnightInTheWorkspacesTimeZone() throws Exception {
    setZone(admin, "Europe/London", null).andExpect(status().isOk());
    TestWorkspace beijing = workspaces.create();

    assertThat(workspace.in(() -> time.startOf(LocalDate.of(2026, 1, 5))))
        .isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(workspace.in(() -> time.startOf(LocalDate.of(2026, 7, 5))))
        .isEqualTo(Instant.parse("2026-07-04T23:00:00Z"));
    assertThat(workspace.in(() -> time.dateOf(Instant.parse("2026-01-05T23:30:00Z"))))
        .isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(beijing.in(() -> time.startOf(LocalDate.of(2026, 1, 5))))
        .isEqualTo(Instant.parse("2026-01-04T16:00:00Z"));
    assertThat(beijing.in(() -> time.dateOf(Instant.parse("2026-01-05T23:30:00Z"))))
        .isEqualTo(LocalDate.of(2026, 1, 6));
  }

  @Test
  void pagesShowTimesInTheWorkspacesTimeZone() throws Exception {
    setZone(admin, "Europe/London", null).andExpect(status().isOk());
    String customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    Instant created =
        Instant.parse(
            JsonPath.read(
                mvc.perform(
                        get("/api/v1/customers/" + customer + "/timeline")
                            .header("Authorization", admin.bearer()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.items[0].occurredAt"));
    DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    mvc.perform(get("/customers/" + customer).cookie(signIn(admin)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(created.atZone(LONDON).format(shown))))
        .andExpect(content().string(not(containsString(created.atZone(SHANGHAI).format(shown)))));
  }

  @Test
  void aTimeZoneThatIsNoIanaZoneIsRefusedWith422() throws Exception {
    for (String zone : List.of("Mars/Olympus", "+08:00", "GMT+8", "asia/shanghai")) {
      setZone(admin, zone, null)
          .andExpect(status().isUnprocessableContent())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("urn:guanxi:problem:validation"))
          .andExpect(jsonPath("$.errors[0].field").value("timeZone"))
          .andExpect(jsonPath("$.errors[0].code").value("invalid-time-zone"))
          .andExpect(jsonPath("$.errors[0].message").value(containsString("Europe/London")));
    }
    mvc.perform(
            put("/api/v1/workspace-settings")
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/workspace-settings"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("required"));

    assertThat(zoneOf(admin)).isEqualTo("Asia/Shanghai");
  }

  @Test
  void onlyAdministratorsChangeTheTimeZone() throws Exception {
    for (Role role : List.of(Role.MANAGER, Role.SALES, Role.ANALYST)) {
      setZone(workspace.member(role), "Europe/London", null)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("forbidden"));
    }
    mvc.perform(
            put("/api/v1/workspace-settings")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"timeZone\":\"Europe/London\"}"))
        .andExpect(status().isUnauthorized());

    assertThat(zoneOf(admin)).isEqualTo("Asia/Shanghai");
  }

  @Test
  void aStaleVersionIsRefusedWith412() throws Exception {
    String etag =
        mvc.perform(get("/api/v1/workspace-settings").header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    setZone(admin, "Europe/London", etag).andExpect(status().isOk());

    setZone(admin, "Asia/Tokyo", etag).andExpect(status().isPreconditionFailed());
    assertThat(zoneOf(admin)).isEqualTo("Europe/London");
  }

  @Test
  void anotherWorkspaceKeepsItsOwnTimeZone() throws Exception {
    setZone(admin, "Pacific/Kiritimati", null).andExpect(status().isOk());
    Member neighbour = workspaces.create().member(Role.ADMINISTRATOR);

    assertThat(zoneOf(neighbour)).isEqualTo("Asia/Shanghai");
    LocalDate before = LocalDate.now(SHANGHAI);
    String orderDate = JsonPath.read(order(neighbour), "$.orderDate");
    assertThat(LocalDate.parse(orderDate)).isBetween(before, LocalDate.now(SHANGHAI));

    setZone(neighbour, "Europe/London", null).andExpect(status().isOk());
    assertThat(zoneOf(admin)).isEqualTo("Pacific/Kiritimati");
  }

  @Test
  void administratorsChooseTheTimeZoneOnTheWorkspacePage() throws Exception {
    Cookie session = signIn(admin);
    mvc.perform(get("/admin/workspace").cookie(session).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"Asia/Shanghai\"")));

    mvc.perform(
            post("/admin/workspace")
                .cookie(session)
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("timeZone", "Mars/Olympus")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("这不是有效的时区")))
        .andExpect(content().string(containsString("value=\"Mars/Olympus\"")));
    mvc.perform(
            post("/admin/workspace")
                .cookie(session)
                .with(csrf())
                .param("timeZone", "Europe/London")
                .param("version", "0"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/workspace?saved"));
    assertThat(zoneOf(admin)).isEqualTo("Europe/London");

    mvc.perform(get("/admin/workspace").cookie(signIn(workspace.member(Role.MANAGER))))
        .andExpect(status().isForbidden());
  }

  private ResultActions setZone(Member member, String zone, String ifMatch) throws Exception {
    var request =
        put("/api/v1/workspace-settings")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"timeZone\":\"" + zone + "\"}");
    // every change names the version it read: the current one unless the test names another
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/workspace-settings"));
    return mvc.perform(request);
  }

  private String zoneOf(Member member) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/workspace-settings").header("Authorization", member.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.timeZone");
  }

  /** A new order without a date, as {@code member} places it for a new customer. */
  private String order(Member member) throws Exception {
    String customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", member.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    return mvc.perform(
            post("/api/v1/orders")
                .header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerId": "%s", "lines": [{"description": "Pump", "quantity": 1, "unitPrice": 100}]}
                    """
                        .formatted(customer)))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private Cookie signIn(Member member) throws Exception {
    return PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
  }
}
