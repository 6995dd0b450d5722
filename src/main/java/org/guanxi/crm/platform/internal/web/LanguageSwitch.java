package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.guanxi.crm.platform.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code ?lang=zh-TW} switches the language for this browser and, when signed in, saves it for the
 * user.
 */
@Component
class LanguageSwitch implements HandlerInterceptor {

  private final UserLanguages userLanguages;

  LanguageSwitch(UserLanguages userLanguages) {
    this.userLanguages = userLanguages;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String lang = request.getParameter("lang");
    if (lang == null || lang.isBlank()) {
      return true;
    }
    Locale locale = UserLocaleResolver.supported(Locale.forLanguageTag(lang.trim()));
    RequestContextUtils.getLocaleResolver(request).setLocale(request, response, locale);
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
      userLanguages.save(user.id(), locale.toLanguageTag());
    }
    return true;
  }
}
