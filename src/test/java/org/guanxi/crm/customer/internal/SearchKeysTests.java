package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTests {

  @Test
  void aChineseNameIsKeyedByCharactersPairsPinyinAndInitials() {
    SearchKeys.Keys keys = SearchKeys.of("张伟");
    assertThat(keys.name()).isEqualTo("张伟");
    assertThat(keys.grams()).contains("张", "伟", "张伟", "zw");
    assertThat(keys.latin()).contains("zhangwei", "zw");
  }

  @Test
  void traditionalCharactersAreKeyedAsSimplified() {
    assertThat(SearchKeys.of("張偉").name()).isEqualTo("张伟");
    assertThat(SearchKeys.normalise("  Northwind   TRADING ")).isEqualTo("northwind trading");
  }

  @Test
  void polyphonicCharactersAreFoundByEachReading() {
    assertThat(SearchKeys.of("曾静").latin()).contains("zengjing", "cengjing");
  }

  @Test
  void aChineseQueryMustMatchAllItsPairs() {
    assertThat(SearchKeys.cjkQueryGrams("字节跳动")).containsExactly("字节", "节跳", "跳动");
    assertThat(SearchKeys.cjkQueryGrams("张")).containsExactly("张");
  }
}
