package org.guanxi.crm.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The currencies money is kept in: ISO 4217 codes. */
public final class Currencies {

  /** The currency of a new price, order or deal when none is given. */
  public static final String DEFAULT = "CNY";

  /**
   * Symbols that name one currency without doubt to the CRM's readers; any other currency is shown
   * by its code. (The JDK's symbols depend on the reader's language: CNY is {@code CN¥} in English,
   * USD {@code $} in American English.)
   */
  private static final Map<String, String> SYMBOLS =
      Map.of(
          "CNY", "¥",
          "GBP", "£",
          "EUR", "€",
          "USD", "US$",
          "HKD", "HK$",
          "TWD", "NT$",
          "JPY", "JP¥",
          "KRW", "₩");

  /** Codes in ISO 4217 that are no money: no currency, and the code reserved for tests. */
  private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS");

  private Currencies() {}

  /** An amount as the timeline shows it: {@code ¥1,200.00} in yuan, else {@code USD 1,200.00}. */
  public static String format(BigDecimal amount, String currency) {
    String figure =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
            .format(amount.setScale(2, RoundingMode.HALF_UP));
    return "CNY".equals(currency) ? "¥" + figure : currency + " " + figure;
  }

  /**
   * An amount as pages show it, in its own currency: {@code ¥1,200.00}, {@code £1,200.00}, {@code
   * US$1,200.00}, {@code CHF 1,200.00}; with the currency's usual decimals ({@code JP¥1,200}).
   */
  public static String display(BigDecimal amount, String currency) {
    int decimals = decimals(currency);
    StringBuilder pattern = new StringBuilder("#,##0");
    if (decimals > 0) {
      pattern.append('.').append("0".repeat(decimals));
    }
    String figure =
        new DecimalFormat(pattern.toString(), DecimalFormatSymbols.getInstance(Locale.ROOT))
            .format(amount.setScale(decimals, RoundingMode.HALF_UP));
    String symbol = SYMBOLS.get(currency);
    if (symbol == null) {
      return currency + " " + figure;
    }
    return figure.startsWith("-") ? "-" + symbol + figure.substring(1) : symbol + figure;
  }

  /** Whether {@code code} is an ISO 4217 code of money, such as CNY, GBP or USD. */
  public static boolean isKnown(String code) {
    if (!code.matches("[A-Z]{3}") || NOT_MONEY.contains(code)) {
      return false;
    }
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int decimals(String currency) {
    if (!isKnown(currency)) {
      return 2;
    }
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return digits < 0 ? 2 : digits;
  }
}
