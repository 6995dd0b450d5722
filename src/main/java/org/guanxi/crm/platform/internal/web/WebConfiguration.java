package org.guanxi.crm.platform.internal.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Interceptors of every request, and the three languages of the CRM. The language follows the
 * user's own setting, then the browser, and falls back to simplified Chinese; {@code ?lang=en}
 * switches it and remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED =
      List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH);

  private final LanguageSwitch languageSwitch;
  private final EarlyAuthorization earlyAuthorization;
  private final PageModel pageModel;

  WebConfiguration(
      LanguageSwitch languageSwitch, EarlyAuthorization earlyAuthorization, PageModel pageModel) {
    this.languageSwitch = languageSwitch;
    this.earlyAuthorization = earlyAuthorization;
    this.pageModel = pageModel;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new UserLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(earlyAuthorization);
    registry.addInterceptor(languageSwitch);
    registry.addInterceptor(pageModel);
  }
}
