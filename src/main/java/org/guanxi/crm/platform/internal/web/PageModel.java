package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Stream;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's layout needs: the signed-in user, the sidebar entries the user may see (those
 * the modules contribute, {@link NavigationEntry}, and platform's own) and the zone times are shown
 * in (the workspace's, {@link WorkspaceTime}). Added only when a view is rendered, so that API
 * calls, which render none, do not pay for it.
 */
@Component
class PageModel implements HandlerInterceptor {

  private final WorkspaceTime time;
  private final List<NavigationEntry> navigation;
  private final StaticAssets assets;

  PageModel(WorkspaceTime time, List<NavigationEntry> navigation, StaticAssets assets) {
    this.time = time;
    this.assets = assets;
    this.navigation =
        Stream.concat(navigation.stream(), PlatformNavigation.ENTRIES.stream())
            .sorted(NavigationEntry.ORDER)
            .toList();
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView page) {
    if (page == null || page.wasCleared()) {
      return;
    }
    if (isRedirect(page)) {
      confirmDone(request);
      return;
    }
    page.addObject("zone", time.zone());
    page.addObject("assets", assets.version());
    CurrentUser user = currentUser();
    page.addObject("currentUser", user);
    page.addObject(
        "navigation",
        user == null ? List.of() : navigation.stream().filter(e -> e.isShownTo(user)).toList());
  }

  /**
   * A page's form went through and sends the browser on: the next page says so ({@code
   * flashNotice}, shown under the top bar), unless the page put a notice of its own.
   */
  private static void confirmDone(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (!"POST".equals(request.getMethod())
        || path.equals("/logout")
        || path.equals("/login")
        || path.startsWith("/forms/")) {
      return;
    }
    RequestContextUtils.getOutputFlashMap(request).putIfAbsent("flashNotice", "form.done");
  }

  private static boolean isRedirect(ModelAndView page) {
    return page.getView() instanceof RedirectView
        || (page.getViewName() != null && page.getViewName().startsWith("redirect:"));
  }

  private static @Nullable CurrentUser currentUser() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
        ? user
        : null;
  }
}
