package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.guanxi.crm.platform.InvalidInput;
import org.junit.jupiter.api.Test;

class SensitiveValuesTests {

  @Test
  void phoneNumbersInAnyNotationBecomeTheSameDigits() {
    assertThat(SensitiveValues.phone("phone", "+86 138-1234-5678")).isEqualTo("13812345678");
    assertThat(SensitiveValues.phone("phone", "0086 13812345678")).isEqualTo("13812345678");
    assertThat(SensitiveValues.phone("phone", "(021) 6234 5678")).isEqualTo("02162345678");
    assertThat(SensitiveValues.phone("phone", "  ")).isNull();
  }

  @Test
  void somethingThatIsNotAPhoneNumberIsRejected() {
    assertThatThrownBy(() -> SensitiveValues.phone("phone", "call me"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> SensitiveValues.phone("phone", "1234"))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> SensitiveValues.phone("phone", "1234567890123456"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void emailAddressesAreComparedWithoutCase() {
    assertThat(SensitiveValues.email("email", " Zhang.Wei@Example.COM "))
        .isEqualTo("zhang.wei@example.com");
    assertThatThrownBy(() -> SensitiveValues.email("email", "zhang@"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void residentIdCardNumbersNeedAValidCheckDigit() {
    assertThat(SensitiveValues.idCard("idCard", "11010519491231002x"))
        .isEqualTo("11010519491231002X");
    assertThatThrownBy(() -> SensitiveValues.idCard("idCard", "110105194912310021"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("idCard");
    assertThat(SensitiveValues.idCard("idCard", "110105491231002")).isEqualTo("110105491231002");
  }

  @Test
  void birthdaysLieInThePast() {
    LocalDate today = LocalDate.of(2026, 11, 23);
    assertThat(SensitiveValues.birthday("birthday", LocalDate.of(1990, 5, 17), today))
        .isEqualTo(LocalDate.of(1990, 5, 17));
    assertThatThrownBy(() -> SensitiveValues.birthday("birthday", today.plusDays(1), today))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> SensitiveValues.birthday("birthday", LocalDate.of(1850, 1, 1), today))
        .isInstanceOf(InvalidInput.class);
  }
}
