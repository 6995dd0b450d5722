package org.guanxi.crm.platform.internal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The messages of every module: each module's bundle under {@code i18n/} (such as {@code
 * i18n/leads.properties} with {@code _zh_CN} and {@code _zh_TW}, or a folder of its own, {@code
 * i18n/leads/messages.properties}) is found on the class path, so that platform names none of them
 * and a new module only adds its files. {@code spring.messages.basename} names platform's own
 * bundle, looked up first; the other {@code spring.messages} settings apply as Boot's would.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

  static final String BUNDLE_FILES = "classpath*:i18n/**/*.properties";

  /** a language variant of a bundle, such as {@code leads_zh_TW}: not a bundle of its own */
  private static final Pattern LANGUAGE_VARIANT = Pattern.compile(".*_[a-z]{2,3}(_[A-Z]{2})?$");

  @Bean
  @ConfigurationProperties("spring.messages")
  MessageSourceProperties messageSourceProperties() {
    return new MessageSourceProperties();
  }

  // named messageSource: the application context, Thymeleaf and Bean Validation use the bean of
  // that name, and Boot's own message source steps back for it
  @Bean
  MessageSource messageSource(MessageSourceProperties properties, ResourcePatternResolver files) {
    Set<String> basenames = new LinkedHashSet<>(properties.getBasename());
    basenames.addAll(basenames(files));
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames(basenames.toArray(String[]::new));
    if (properties.getEncoding() != null) {
      source.setDefaultEncoding(properties.getEncoding().name());
    }
    source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
    if (properties.getCacheDuration() != null) {
      source.setCacheMillis(properties.getCacheDuration().toMillis());
    }
    source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
    source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
    return source;
  }

  /** The base names of the bundles under {@code i18n/}, such as {@code i18n/leads}, sorted. */
  static List<String> basenames(ResourcePatternResolver files) {
    Set<String> basenames = new TreeSet<>();
    try {
      for (Resource file : files.getResources(BUNDLE_FILES)) {
        String basename = basename(file);
        if (basename != null && !LANGUAGE_VARIANT.matcher(basename).matches()) {
          basenames.add(basename);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The message bundles could not be listed", e);
    }
    return List.copyOf(basenames);
  }

  /** {@code i18n/leads} for {@code …/classes/i18n/leads.properties}, in a folder or a jar alike. */
  private static @Nullable String basename(Resource file) throws IOException {
    String url = file.getURL().toString();
    int start = url.lastIndexOf("/i18n/");
    return start < 0 ? null : url.substring(start + 1, url.length() - ".properties".length());
  }
}
