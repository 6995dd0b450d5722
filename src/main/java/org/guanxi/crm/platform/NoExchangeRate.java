package org.guanxi.crm.platform;

/** Money cannot be converted: a currency has no rate to the base currency on the day asked. */
public class NoExchangeRate extends RuntimeException {

  private final MissingExchangeRate missing;

  public NoExchangeRate(MissingExchangeRate missing) {
    super(
        "No exchange rate from "
            + missing.currency()
            + " to "
            + missing.baseCurrency()
            + " valid on "
            + missing.onDate());
    this.missing = missing;
  }

  public MissingExchangeRate missing() {
    return missing;
  }
}
