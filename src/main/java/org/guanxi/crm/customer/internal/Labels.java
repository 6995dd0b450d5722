package org.guanxi.crm.customer.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A name shown to users, in each of the three languages of the CRM. */
record Labels(
    @NotBlank @Size(max = 100) String en,
    @NotBlank @Size(max = 100) String zhCn,
    @NotBlank @Size(max = 100) String zhTw) {

  public String in(Locale locale) {
    if (!locale.getLanguage().equals("zh")) {
      return en;
    }
    return Locale.TRADITIONAL_CHINESE.getCountry().equals(locale.getCountry()) ? zhTw : zhCn;
  }
}
