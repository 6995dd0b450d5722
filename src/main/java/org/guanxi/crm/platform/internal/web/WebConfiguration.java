package org.guanxi.crm.platform.internal.web;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

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
  private final UnstorableParameter.Check unstorableParameters;
  private final VersionedChangeArguments versionedChanges;

  WebConfiguration(
      LanguageSwitch languageSwitch,
      EarlyAuthorization earlyAuthorization,
      PageModel pageModel,
      UnstorableParameter.Check unstorableParameters,
      VersionedChangeArguments versionedChanges) {
    this.languageSwitch = languageSwitch;
    this.earlyAuthorization = earlyAuthorization;
    this.pageModel = pageModel;
    this.unstorableParameters = unstorableParameters;
    this.versionedChanges = versionedChanges;
  }

  @Bean
  LocaleResolver localeResolver() {
    return new UserLocaleResolver();
  }

  /**
   * Leaves page links as they are written. With WebJars on the classpath Spring Boot turns the
   * resource chain on and puts this filter in front of every page, so that Thymeleaf hands each
   * link it renders to the resource resolvers; the WebJars resolver then looks every link that is
   * not an asset (such as {@code /opportunities/…}) up in every jar of the classpath, and a miss is
   * not cached: a board of a hundred cards spent most of its time there. The filter only serves URL
   * versioning strategies, which the CRM does not use; version-less WebJar paths are still resolved
   * when the asset itself is requested.
   */
  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    registration.setEnabled(false);
    return registration;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(earlyAuthorization);
    registry.addInterceptor(unstorableParameters);
    registry.addInterceptor(languageSwitch);
    registry.addInterceptor(pageModel);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new PageArguments());
    resolvers.add(versionedChanges);
  }
}
