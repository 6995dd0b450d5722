package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.http.Cookie;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application registers, called by every role: a role without the endpoint's
 * permission is refused with 403, a role with it is never refused, and refused calls change
 * nothing. (Admitted reads may write to the audit log — an export does — so the audit log is not
 * part of the comparison.)
 */
@GuanxiTest
class AuthorizationMatrixTests {

  private static final Pattern AUTHORITIES = Pattern.compile("^has(?:Any)?Authority\\(([^)]*)\\)$");
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @Autowired Grants grants;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(HttpMethod method, String pattern, Method handler) {
    boolean isApi() {
      return pattern.startsWith("/api/");
    }

    String path(UUID id) {
      return pattern.replaceAll("\\{[^}]+}", id.toString());
    }

    /**
     * The permissions named by the endpoint's rule, as the modules declare them; empty when any
     * signed-in user may call it.
     */
    Set<Permission> requiredPermissions(Grants grants) {
      String rule = handler.getAnnotation(PreAuthorize.class).value().strip();
      Matcher matcher = AUTHORITIES.matcher(rule);
      if (!matcher.matches()) {
        return Set.of();
      }
      return QUOTED
          .matcher(matcher.group(1))
          .results()
          .map(
              m ->
                  grants
                      .find(m.group(1))
                      .orElseThrow(
                          () ->
                              new AssertionError(
                                  this + " requires " + m.group(1) + ", which no module declares")))
          .collect(Collectors.toSet());
    }

    /** Whether the role is granted, by any module, one of the permissions the endpoint names. */
    boolean admits(Role role, Grants grants) {
      Set<Permission> required = requiredPermissions(grants);
      return required.isEmpty() || required.stream().anyMatch(grants.of(role)::contains);
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  @Test
  void everyEndpointDeclaresWhoMayCallIt() {
    List<String> withoutRule =
        endpoints().stream()
            .filter(e -> e.handler().getAnnotation(PreAuthorize.class) == null)
            .map(Endpoint::toString)
            .toList();
    assertThat(withoutRule).as("endpoints without @PreAuthorize").isEmpty();
    // each permission a rule names is declared by a module (or the lookup fails)
    endpoints().forEach(endpoint -> endpoint.requiredPermissions(grants));
    assertThat(endpoints())
        .extracting(Endpoint::toString)
        .contains("POST /api/v1/customers", "GET /customers");
  }

  @Test
  void everyEndpointRefusesExactlyTheRolesWithoutItsPermissionAndRefusalsChangeNothing()
      throws Exception {
    TestWorkspace workspace = workspaces.create();
    Map<Role, Member> members = new EnumMap<>(Role.class);
    Map<Role, Cookie> sessions = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      members.put(role, workspace.member(role));
      sessions.put(role, logIn(members.get(role).username()));
    }
    String created =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", members.get(Role.ADMINISTRATOR).bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"INDIVIDUAL\",\"name\":\"矩阵客户\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    UUID realCustomer = UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.id"));
    String before = snapshot(workspace);

    List<String> wrong = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.handler().getAnnotation(PreAuthorize.class) == null) {
        continue;
      }
      for (Role role : Role.values()) {
        boolean admitted = endpoint.admits(role, grants);
        // refused calls aim at a real record, to show they change nothing; admitted ones at a
        // missing one
        UUID target = admitted ? UUID.randomUUID() : realCustomer;
        MockHttpServletRequestBuilder call = request(endpoint.method(), endpoint.path(target));
        if (endpoint.isApi()) {
          call.header("Authorization", members.get(role).bearer())
              .contentType(MediaType.APPLICATION_JSON)
              .content("{}");
        } else {
          call.cookie(sessions.get(role)).with(csrf()).param("version", "0");
        }
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        if (admitted && (status == 401 || status == 403 || status >= 500)) {
          wrong.add(endpoint + " as " + role + ": " + status + ", expected to be admitted");
        } else if (!admitted && status != 403) {
          wrong.add(endpoint + " as " + role + ": " + status + ", expected 403");
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(before).contains(realCustomer + ":0");
    assertThat(snapshot(workspace)).as("nothing changed").isEqualTo(before);
  }

  private List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("org.guanxi.crm")) {
        continue;
      }
      for (String pattern : entry.getKey().getPatternValues()) {
        var methods = entry.getKey().getMethodsCondition().getMethods();
        for (var method :
            methods.isEmpty()
                ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET)
                : methods) {
          endpoints.add(
              new Endpoint(HttpMethod.valueOf(method.name()), pattern, handler.getMethod()));
        }
      }
    }
    return endpoints;
  }

  private String snapshot(TestWorkspace workspace) {
    return workspace.in(
        () ->
            jdbc.sql(
                    """
                    select coalesce((select string_agg(id || ':' || version || ':' || (deleted_at is null), ',' order by id) from customer), '')
                        || '|' || (select count(*) from customer_timeline)
                        || '|' || coalesce((select string_agg(id || ':' || version || ':' || active, ',' order by id) from app_user), '')
                        || '|' || (select count(*) from team)
                        || '|' || (select count(*) from api_token where revoked_at is null)
                    """)
                .query(String.class)
                .single());
  }

  private Cookie logIn(String username) throws Exception {
    return PageLogin.signIn(mvc, username, TestWorkspace.PASSWORD);
  }
}
