package org.guanxi.crm.opportunities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.catalogue.LinePricing;
import org.jspecify.annotations.Nullable;

/**
 * What a user fills in for a deal: the input of creating and of changing one. Left out, the
 * pipeline is the default one, the stage its first, the probability the stage's, the currency CNY
 * and the owner the caller. With lines, the amount is their total; without, it is required.
 */
public record OpportunityDraft(
    @NotBlank @Size(max = 200) String name,
    @NotNull UUID customerId,
    @Nullable UUID pipelineId,
    @Nullable UUID stageId,
    @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
    @Nullable @Pattern(regexp = "[A-Z]{3}", message = "a three-letter ISO code such as CNY")
        String currency,
    @Nullable @Min(0) @Max(100) Integer probability,
    @NotNull LocalDate expectedCloseDate,
    @Nullable UUID ownerId,
    @Nullable @Size(max = 500) String nextStep,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> competitors,
    @Nullable @Size(max = 4000) String description,
    @Nullable @Size(max = 200) List<@NotNull @Valid Line> lines) {

  /** A product of the deal, or a free description with a price. */
  public record Line(
      @Nullable UUID productId,
      @Nullable @Size(max = 500) String description,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
          BigDecimal quantity,
      @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
      @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
          BigDecimal discountPercent) {

    public LinePricing.Input input() {
      return new LinePricing.Input(productId, description, quantity, unitPrice, discountPercent);
    }
  }

  public List<Line> linesOrEmpty() {
    return lines == null ? List.of() : lines;
  }

  public List<LinePricing.Input> inputs() {
    return linesOrEmpty().stream().map(Line::input).toList();
  }

  public List<String> competitorsOrEmpty() {
    return competitors == null
        ? List.of()
        : competitors.stream().map(String::strip).distinct().toList();
  }
}
