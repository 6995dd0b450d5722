package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NameKeysTests {

  @Test
  void legalFormsPunctuationCaseAndWordOrderDoNotChangeTheCore() {
    assertThat(core("Acme Trading Limited.")).isEqualTo("acmetrading");
    assertThat(core("ACME-Trading Ltd")).isEqualTo("acmetrading");
    assertThat(core("Trading Acme")).isEqualTo("acmetrading");
    assertThat(core("華信科技有限公司")).isEqualTo("华信科技");
    assertThat(core("华信科技股份有限公司")).isEqualTo("华信科技");
    assertThat(core("有限公司")).isEqualTo("有限公司");
  }

  @Test
  void namesDifferingByOneCharacterAreAlike() {
    assertThat(alike("Umbrella Electronics GmbH", "Umbrella Electronic")).isTrue();
    assertThat(alike("Jonathan Smith", "Jonathon Smith")).isTrue();
    assertThat(alike("Umbrela Electronics", "Umbrella Electronics GmbH")).isTrue();
  }

  @Test
  void chineseNamesAreAlikeOnlyWithTheSameCharacters() {
    assertThat(alike("南京恒德海纳实业有限公司", "南京恒德海纳实业")).isTrue();
    assertThat(alike("南京恒德海纳实业有限公司", "南京恒德海納實業股份有限公司")).isTrue();
    assertThat(alike("南京恒德实业有限公司", "南京华德实业有限公司")).isFalse();
    assertThat(alike("北京华为技术有限公司", "北京华为科技有限公司")).isFalse();
  }

  @Test
  void namesDifferingInANumberAreDifferentCustomers() {
    assertThat(alike("测试客户0001", "测试客户0002")).isFalse();
    assertThat(alike("Northwind Store 12", "Northwind Store 13")).isFalse();
    assertThat(alike("Northwind Store 12", "Northwint Store 12")).isTrue();
  }

  @Test
  void shortNamesAreAlikeOnlyWhenTheirCoresAreTheSame() {
    assertThat(alike("张伟", "张玮")).isFalse();
    assertThat(alike("Acme Inc.", "ACME Corporation")).isTrue();
    assertThat(alike("Acme", "Acne")).isFalse();
  }

  @Test
  void aNameWithoutLettersHasNoKeys() {
    assertThat(NameKeys.of(SearchKeys.normalise(" --- "))).isEmpty();
  }

  private static String core(String name) {
    return NameKeys.core(SearchKeys.normalise(name));
  }

  private static boolean alike(String a, String b) {
    long[] left = NameKeys.of(SearchKeys.normalise(a));
    long[] right = NameKeys.of(SearchKeys.normalise(b));
    return Arrays.stream(left).anyMatch(k -> Arrays.stream(right).anyMatch(r -> r == k));
  }
}
