package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageChange;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the argument types of the pages' handlers from the request, for the signed-in user (as
 * {@code @AuthenticationPrincipal} would read it) and with the {@code Model} of the answer:
 *
 * <ul>
 *   <li>a {@link PageChange}: as {@code @PathVariable UUID id}, {@code @RequestParam long version}
 *       and the {@code HX-Request} header would be read, with the same 400 for a missing or
 *       malformed id or version;
 *   <li>a {@link ListRows}: the fragment when the handler's matching path ends with {@code /rows},
 *       and then the parameter {@code cursor}.
 * </ul>
 */
class PageArguments implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == PageChange.class
        || parameter.getParameterType() == ListRows.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer container,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binders)
      throws Exception {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (container == null
        || binders == null
        || authentication == null
        || !(authentication.getPrincipal() instanceof CurrentUser user)) {
      throw new AccessDeniedException("A page is shown to and changed by a signed-in user");
    }
    Model model = (Model) container.getModel();
    if (parameter.getParameterType() == ListRows.class) {
      Object pattern =
          request.getAttribute(
              HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      boolean fragment = pattern != null && pattern.toString().endsWith("/rows");
      String cursor = fragment ? request.getParameter("cursor") : null;
      if (fragment && cursor == null) {
        keepFiltersInTheAddress(request);
      }
      return new ListRows(user, cursor, fragment, model);
    }
    @SuppressWarnings("unchecked")
    Map<String, String> path =
        (Map<String, String>)
            request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    UUID id =
        read(binders, request, parameter, "id", path == null ? null : path.get("id"), UUID.class);
    if (id == null) {
      throw new MissingPathVariableException(
          "id", parameter, path != null && path.containsKey("id"));
    }
    Long version =
        read(binders, request, parameter, "version", request.getParameter("version"), Long.class);
    if (version == null) {
      throw new MissingServletRequestParameterException("version", "long");
    }
    return new PageChange(user, id, version, request.getHeader("HX-Request") != null, model);
  }

  /** The value as the type, as a request parameter or path variable of that type is read. */
  private static <T> @Nullable T read(
      WebDataBinderFactory binders,
      NativeWebRequest request,
      MethodParameter parameter,
      String name,
      @Nullable String value,
      Class<T> type)
      throws Exception {
    if (value == null) {
      return null;
    }
    try {
      return binders.createBinder(request, null, name).convertIfNecessary(value, type, parameter);
    } catch (TypeMismatchException e) {
      throw new MethodArgumentTypeMismatchException(value, type, name, parameter, e.getCause());
    }
  }

  /**
   * The search box or a filter fetched the list's rows: the browser's address becomes the list
   * page's with the filters that hold a value ({@code HX-Replace-Url}), so that Back, a reload and
   * a shared link show the same list.
   */
  private static void keepFiltersInTheAddress(NativeWebRequest request) {
    HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
    HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
    if (http == null || response == null) {
      return;
    }
    String page = http.getRequestURI().replaceFirst("/rows$", "");
    UriComponentsBuilder address = UriComponentsBuilder.fromPath(page);
    http.getParameterMap()
        .forEach(
            (name, values) -> {
              for (String value : values) {
                if (!name.equals("cursor") && !name.startsWith("_") && !value.isBlank()) {
                  address.queryParam(name, value);
                }
              }
            });
    response.setHeader("HX-Replace-Url", address.encode().build().toUriString());
  }
}
