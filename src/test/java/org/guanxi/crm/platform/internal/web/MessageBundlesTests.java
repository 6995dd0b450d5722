package org.guanxi.crm.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.guanxi.crm.support.GuanxiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Every module's bundle is found without platform naming it, speaks the three languages of the CRM
 * with the same keys, and each of its keys is its own.
 */
@GuanxiTest
class MessageBundlesTests {

  private static final Map<String, Locale> LANGUAGES =
      Map.of(
          "",
          Locale.ENGLISH,
          "_zh_CN",
          Locale.SIMPLIFIED_CHINESE,
          "_zh_TW",
          Locale.TRADITIONAL_CHINESE);

  @Autowired MessageSource messages;
  @Autowired ResourcePatternResolver files;

  @Test
  void everyModulesBundleIsFoundOnTheClassPath() {
    assertThat(MessageBundles.basenames(files))
        .contains(
            "i18n/messages",
            "i18n/admin",
            "i18n/money",
            "i18n/customer",
            "i18n/imports",
            "i18n/pool",
            "i18n/privacy",
            "i18n/leads",
            "i18n/opportunities",
            "i18n/orders",
            "i18n/order-imports",
            "i18n/key-accounts",
            "i18n/interaction",
            "i18n/tasks")
        .noneMatch(basename -> basename.endsWith("_zh_CN") || basename.endsWith("_zh_TW"));
  }

  @Test
  void everyBundleHasTheSameKeysInItsThreeLanguages() throws IOException {
    for (String basename : MessageBundles.basenames(files)) {
      var english = new TreeSet<>(bundle(basename, "").stringPropertyNames());
      assertThat(english).as(basename).isNotEmpty();
      assertThat(new TreeSet<>(bundle(basename, "_zh_CN").stringPropertyNames()))
          .as(basename + " in simplified Chinese")
          .isEqualTo(english);
      assertThat(new TreeSet<>(bundle(basename, "_zh_TW").stringPropertyNames()))
          .as(basename + " in traditional Chinese")
          .isEqualTo(english);
    }
  }

  @Test
  void aKeyOfEveryBundleResolvesInEachLanguage() throws IOException {
    for (String basename : MessageBundles.basenames(files)) {
      String key = bundle(basename, "").stringPropertyNames().stream().sorted().findFirst().get();
      for (var language : LANGUAGES.entrySet()) {
        assertThat(messages.getMessage(key, null, language.getValue()))
            .as(key + " of " + basename + " in " + language.getValue())
            .isEqualTo(bundle(basename, language.getKey()).getProperty(key));
      }
    }
  }

  @Test
  void noKeyIsDefinedByTwoBundles() throws IOException {
    // the bundles are looked up in no particular order, so a key defined twice could show either
    Map<String, String> definedBy = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (String basename : MessageBundles.basenames(files)) {
      for (String key : bundle(basename, "").stringPropertyNames()) {
        String earlier = definedBy.putIfAbsent(key, basename);
        if (earlier != null) {
          twice.add(key + " in " + earlier + " and " + basename);
        }
      }
    }
    assertThat(twice).isEmpty();
  }

  private static Properties bundle(String basename, String language) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        MessageBundlesTests.class.getResourceAsStream("/" + basename + language + ".properties")) {
      assertThat(in).as(basename + language + ".properties").isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
