package org.guanxi.crm.leads.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.opportunities.OpportunityDraft;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * How to convert a lead: into the existing customer {@code customerId} (the lead's person becomes
 * its contact), into a new customer even though duplicates were found ({@code createNew}), or, with
 * neither, into a new customer only when no existing one looks the same. With {@code opportunity},
 * the conversion also opens a deal for the customer, in the same transaction.
 */
record LeadConversionRequest(
    @Nullable UUID customerId,
    @Nullable Boolean createNew,
    @Nullable @Valid NewOpportunity opportunity) {

  static final LeadConversionRequest CHECK_DUPLICATES = new LeadConversionRequest(null, null, null);

  /** The deal a conversion opens: the default pipeline and its first stage unless named. */
  record NewOpportunity(
      @NotBlank @Size(max = 200) String name,
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
      @Nullable @Pattern(regexp = "[A-Z]{3}", message = "a three-letter ISO code such as CNY")
          String currency,
      @NotNull LocalDate expectedCloseDate,
      @Nullable UUID pipelineId) {

    OpportunityDraft draft(UUID customerId, @Nullable UUID ownerId) {
      return new OpportunityDraft(
          name,
          customerId,
          pipelineId,
          null,
          amount,
          currency,
          null,
          expectedCloseDate,
          ownerId,
          null,
          null,
          null,
          null);
    }
  }

  LeadConversionRequest(@Nullable UUID customerId, @Nullable Boolean createNew) {
    this(customerId, createNew, null);
  }

  LeadConversionRequest withOpportunity(@Nullable NewOpportunity deal) {
    return new LeadConversionRequest(customerId, createNew, deal);
  }

  /**
   * The deal of the convert page's form: none unless {@code opportunity} is ticked; values that do
   * not parse are refused as invalid input.
   */
  static @Nullable NewOpportunity fromForm(MultiValueMap<String, String> form) {
    if (!"true".equals(form.getFirst("opportunity"))) {
      return null;
    }
    String amount = value(form, "opportunityAmount");
    String close = value(form, "opportunityCloseDate");
    String pipeline = value(form, "opportunityPipelineId");
    try {
      return new NewOpportunity(
          value(form, "opportunityName"),
          amount.isEmpty() ? BigDecimal.ZERO : new BigDecimal(amount.replace(",", "")),
          value(form, "opportunityCurrency").isEmpty() ? null : value(form, "opportunityCurrency"),
          close.isEmpty() ? null : LocalDate.parse(close),
          pipeline.isEmpty() ? null : UUID.fromString(pipeline));
    } catch (RuntimeException e) {
      throw new InvalidInput("opportunity", "invalid-value", "The deal's values do not parse");
    }
  }

  private static String value(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.strip();
  }

  boolean forceNew() {
    return Boolean.TRUE.equals(createNew);
  }
}
