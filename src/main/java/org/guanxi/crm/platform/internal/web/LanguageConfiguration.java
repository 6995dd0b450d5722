package org.guanxi.crm.platform.internal.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The three languages of the CRM. The language follows the user's own setting, then the browser, and
 * falls back to simplified Chinese; {@code ?lang=en} switches it and remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH);

  private final LanguageSwitch languageSwitch;

  LanguageConfiguration(LanguageSwitch languageSwitch) {
    this.languageSwitch = languageSwitch;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new UserLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(languageSwitch);
  }
}
