package org.guanxi.crm.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

  @Test
  void maskedValuesAreRecognisableButNotUsable() {
    assertThat(Masking.mask(SensitiveField.PHONE, "13812345678")).isEqualTo("138****5678");
    assertThat(Masking.mask(SensitiveField.EMAIL, "zhang.wei@example.com"))
        .isEqualTo("z***@example.com");
    assertThat(Masking.mask(SensitiveField.ID_CARD, "11010519491231002X"))
        .isEqualTo("1101**********002X");
    assertThat(Masking.mask(SensitiveField.BIRTHDAY, "1990-05-17")).isEqualTo("1990-**-**");
    assertThat(Masking.mask(SensitiveField.ADDRESS, "上海市中山路100号"))
        .startsWith("上海市中")
        .doesNotContain("100");
    assertThat(Masking.mask(SensitiveField.PHONE, null)).isNull();
  }
}
