package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.guanxi.crm.platform.StorableText;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A request parameter (a search, a filter, a cursor) with the character U+0000 (NUL), which the
 * database can neither store nor search for. Refused before the handler reads it, whatever the
 * parameter and however the handler would use it: an API call with 400 {@code invalid-text} naming
 * the parameter, a page's GET with a 400 page that says so. A page's form (POST) goes on to its
 * handler, which checks its command ({@code StorableText}) and shows the form again as typed.
 */
class UnstorableParameter extends RuntimeException {

  private final String parameter;

  UnstorableParameter(String parameter) {
    super("The parameter '" + parameter + "' contains the character U+0000 (NUL)");
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }

  @Component
  static class Check implements HandlerInterceptor {

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (!(handler instanceof HandlerMethod method)) {
        return true;
      }
      boolean api = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class);
      if (!api && !HttpMethod.GET.matches(request.getMethod())) {
        return true;
      }
      for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
        if (!StorableText.storable(parameter.getKey())) {
          throw new UnstorableParameter(parameter.getKey().replace('\0', '\uFFFD'));
        }
        for (String value : parameter.getValue()) {
          if (!StorableText.storable(value)) {
            throw new UnstorableParameter(parameter.getKey());
          }
        }
      }
      return true;
    }
  }
}
