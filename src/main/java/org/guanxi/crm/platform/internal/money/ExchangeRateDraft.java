package org.guanxi.crm.platform.internal.money;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator fills in for a rate: the input of creating and changing one, on the page,
 * in the API and per line of an imported file. The rate is against the workspace's base currency.
 */
record ExchangeRateDraft(
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "a three-letter ISO code such as GBP")
        @Nullable String currency,
    @NotNull @Nullable LocalDate validFrom,
    @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "a rate is more than zero")
        @Digits(
            integer = 9,
            fraction = 10,
            message = "at most 9 digits before the point and 10 after")
        @Nullable BigDecimal rate) {}
