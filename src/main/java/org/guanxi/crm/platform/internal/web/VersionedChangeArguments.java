package org.guanxi.crm.platform.internal.web;

import java.lang.reflect.Method;
import java.util.Set;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.MergePatches;
import org.guanxi.crm.platform.VersionedPatch;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Takes an {@link IfMatch} from the request as a handler would take
 * {@code @RequestHeader("If-Match") String}, and a {@link VersionedPatch} as that and
 * {@code @RequestBody JsonNode}: no {@code If-Match} is a missing header, a body that is missing or
 * not JSON an unreadable one, both refused as they were ({@link ApiProblems}).
 */
@Component
class VersionedChangeArguments implements HandlerMethodArgumentResolver {

  private static final Set<Class<?>> TYPES = Set.of(IfMatch.class, VersionedPatch.class);

  /** How a patch is read: as this method's {@code @RequestBody JsonNode}. */
  private static final MethodParameter BODY =
      new MethodParameter(
          ReflectionUtils.findMethod(VersionedChangeArguments.class, "body", JsonNode.class), 0);

  private final MergePatches patches;
  private final ObjectProvider<RequestMappingHandlerAdapter> adapter;
  private volatile @Nullable RequestResponseBodyMethodProcessor bodies;

  VersionedChangeArguments(
      MergePatches patches, ObjectProvider<RequestMappingHandlerAdapter> adapter) {
    this.patches = patches;
    this.adapter = adapter;
  }

  @SuppressWarnings("unused")
  private static void body(@RequestBody JsonNode patch) {}

  /** Whether the handler takes an If-Match, alone or with a patch. */
  static boolean takesIfMatch(Method handler) {
    for (Class<?> type : handler.getParameterTypes()) {
      if (TYPES.contains(type)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the handler takes a patch, which is its request body. */
  static boolean takesPatch(Method handler) {
    for (Class<?> type : handler.getParameterTypes()) {
      if (type == VersionedPatch.class) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return TYPES.contains(parameter.getParameterType());
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer container,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binders)
      throws Exception {
    String[] headers = request.getHeaderValues(HttpHeaders.IF_MATCH);
    if (headers == null) {
      throw new MissingRequestHeaderException(HttpHeaders.IF_MATCH, parameter);
    }
    IfMatch ifMatch = IfMatch.of(String.join(",", headers));
    if (parameter.getParameterType() == IfMatch.class) {
      return ifMatch;
    }
    JsonNode patch = (JsonNode) bodies().resolveArgument(BODY, container, request, binders);
    return patches.at(ifMatch, patch);
  }

  private RequestResponseBodyMethodProcessor bodies() {
    RequestResponseBodyMethodProcessor read = bodies;
    if (read == null) {
      read = new RequestResponseBodyMethodProcessor(adapter.getObject().getMessageConverters());
      bodies = read;
    }
    return read;
  }
}
