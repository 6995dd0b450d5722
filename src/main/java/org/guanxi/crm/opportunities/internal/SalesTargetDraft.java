package org.guanxi.crm.opportunities.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rep's target for a month, as a manager sets it: the month ({@code 2026-12}), the amount and its
 * currency (the workspace's base currency unless said).
 */
record SalesTargetDraft(
    @NotNull UUID userId,
    @NotNull YearMonth month,
    @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Nullable @Pattern(regexp = "[A-Z]{3}") String currency) {}
