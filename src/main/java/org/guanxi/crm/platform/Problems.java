package org.guanxi.crm.platform;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem details (RFC 9457) with the stable {@code type} and {@code code} every API error carries.
 */
public final class Problems {

  private Problems() {}

  public static URI type(String code) {
    return URI.create("urn:guanxi:problem:" + code);
  }

  public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(code));
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }

  /**
   * A problem with one property more that says what it is about, such as the record or the
   * parameter.
   */
  public static ProblemDetail of(
      HttpStatusCode status,
      String code,
      String title,
      String detail,
      String property,
      @Nullable Object value) {
    ProblemDetail problem = of(status, code, title, detail);
    problem.setProperty(property, value);
    return problem;
  }
}
