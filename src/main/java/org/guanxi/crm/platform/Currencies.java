package org.guanxi.crm.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The currencies money is kept in: ISO 4217 codes. */
public final class Currencies {

  /** The currency of a new price, order or deal when none is given. */
  public static final String DEFAULT = "CNY";

  private Currencies() {}

  /** An amount as the timeline shows it: {@code ¥1,200.00} in yuan, else {@code USD 1,200.00}. */
  public static String format(BigDecimal amount, String currency) {
    String figure =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
            .format(amount.setScale(2, RoundingMode.HALF_UP));
    return "CNY".equals(currency) ? "¥" + figure : currency + " " + figure;
  }
}
