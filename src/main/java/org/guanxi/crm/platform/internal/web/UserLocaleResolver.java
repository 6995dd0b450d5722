package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The user's saved language, else a language cookie, else the browser's languages (English when
 * none is offered), else 简体中文.
 */
final class UserLocaleResolver implements LocaleResolver {

  static final String COOKIE = "guanxi-lang";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Object chosen = request.getAttribute(COOKIE);
    if (chosen instanceof Locale locale) {
      return locale;
    }
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof CurrentUser user
        && user.locale() != null) {
      return supported(Locale.forLanguageTag(user.locale()));
    }
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName())) {
          return supported(Locale.forLanguageTag(cookie.getValue()));
        }
      }
    }
    var browser = request.getHeaders("Accept-Language");
    if (browser.hasMoreElements()) {
      for (var languages = request.getLocales(); languages.hasMoreElements(); ) {
        Locale locale = languages.nextElement();
        if (locale.getLanguage().equals("zh") || locale.getLanguage().equals("en")) {
          return supported(locale);
        }
      }
      // a browser that asks for neither Chinese nor English reads English best
      return Locale.ENGLISH;
    }
    return Locale.SIMPLIFIED_CHINESE;
  }

  @Override
  public void setLocale(
      HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
    Locale chosen = locale == null ? Locale.SIMPLIFIED_CHINESE : supported(locale);
    request.setAttribute(COOKIE, chosen);
    if (response != null) {
      Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
      cookie.setPath("/");
      cookie.setMaxAge(365 * 24 * 3600);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure()); // as the session cookie: over HTTPS, HTTPS only
      response.addCookie(cookie);
    }
  }

  /** Maps any Chinese variant to simplified or traditional script, and anything else to English. */
  static Locale supported(Locale locale) {
    if (!locale.getLanguage().equals("zh")) {
      return Locale.ENGLISH;
    }
    String region = locale.getCountry();
    boolean traditional =
        "Hant".equals(locale.getScript())
            || region.equals("TW")
            || region.equals("HK")
            || region.equals("MO");
    return traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE;
  }
}
