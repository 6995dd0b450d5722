package org.guanxi.crm.platform;

import java.time.LocalDate;

/**
 * A sum in {@code currency} could not be added up in {@code baseCurrency}: there is no rate valid
 * on {@code onDate} (the earliest day that needed one). A rate valid from that day or earlier fills
 * the gap.
 */
public record MissingExchangeRate(String currency, String baseCurrency, LocalDate onDate) {}
