package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an endpoint's {@code @PreAuthorize("hasAuthority(...)")} before its request is read, so
 * that a caller who may not use an endpoint learns nothing from it — not even whether a request
 * body would have been valid. Method security still checks the same rule when the method runs.
 */
@Component
class EarlyAuthorization implements HandlerInterceptor {

  private static final Pattern AUTHORITY_RULE =
      Pattern.compile("^has(?:Any)?Authority\\(([^)]*)\\)$");
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

  private final Map<Method, Set<String>> requiredAuthorities = new ConcurrentHashMap<>();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    Set<String> required =
        requiredAuthorities.computeIfAbsent(method.getMethod(), m -> rule(method));
    if (required.isEmpty()) {
      return true;
    }
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean allowed =
        authentication != null
            && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(required::contains);
    if (!allowed) {
      throw new AccessDeniedException("Requires one of " + required);
    }
    return true;
  }

  /** The authorities the endpoint's rule names; empty when it has none of this form. */
  private static Set<String> rule(HandlerMethod method) {
    PreAuthorize rule = method.getMethodAnnotation(PreAuthorize.class);
    if (rule == null) {
      return Set.of();
    }
    Matcher matcher = AUTHORITY_RULE.matcher(rule.value().strip());
    if (!matcher.matches()) {
      return Set.of();
    }
    return QUOTED
        .matcher(matcher.group(1))
        .results()
        .map(m -> m.group(1))
        .collect(Collectors.toUnmodifiableSet());
  }
}
