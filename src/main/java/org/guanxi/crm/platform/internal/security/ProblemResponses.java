package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guanxi.crm.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers API callers that are not signed in (401) or not allowed (403), and any problem found
 * before a controller is chosen, with problem+json.
 */
final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthorized",
          "Not signed in",
          "Send a valid personal API token as 'Authorization: Bearer <token>'.");
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Not allowed",
            "Your role does not allow this.");
  }

  static void write(
      HttpServletResponse response, HttpStatus status, String code, String title, String detail)
      throws IOException {
    write(response, Problems.of(status, code, title, detail));
  }

  static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    JSON.writeValue(response.getOutputStream(), body);
  }
}
