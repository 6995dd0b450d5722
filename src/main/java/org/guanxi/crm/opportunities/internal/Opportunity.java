package org.guanxi.crm.opportunities.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.opportunities.OpportunityDraft;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** A deal with a customer as it moves through the stages of a pipeline, until it is won or lost. */
record Opportunity(
    UUID id,
    String name,
    UUID customerId,
    String customerName,
    @Nullable UUID leadId,
    UUID pipelineId,
    UUID stageId,
    String stageName,
    OpportunityStatus status,
    UUID ownerId,
    @Nullable String ownerName,
    @Nullable UUID teamId,
    BigDecimal amount,
    String currency,
    int probability,
    LocalDate expectedCloseDate,
    @Nullable String nextStep,
    List<String> competitors,
    @Nullable String description,
    List<Line> lines,
    Instant stageEnteredAt,
    @Nullable Instant closedAt,
    @Nullable LocalDate closedOn,
    @Nullable String wonReason,
    @Nullable OpportunityLossReason lostReason,
    @Nullable String lostNote,
    @Nullable UUID orderId,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {

  /** A product of the deal, its amount after the discount. */
  record Line(
      int position,
      @Nullable UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal amount) {

    OpportunityDraft.Line draft() {
      return new OpportunityDraft.Line(
          productId, description, quantity, unitPrice, discountPercent);
    }
  }

  /** The amount times the probability: what the deal adds to the forecast. */
  @JsonProperty
  public BigDecimal weightedAmount() {
    return amount
        .multiply(BigDecimal.valueOf(probability))
        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  @JsonIgnore
  public boolean isOpen() {
    return status == OpportunityStatus.OPEN;
  }

  /**
   * What may be patched. The amount is left out when the lines make it up, so that a patch of the
   * lines alone is not held against the old total.
   */
  OpportunityDraft draft() {
    return new OpportunityDraft(
        name,
        customerId,
        pipelineId,
        stageId,
        lines.isEmpty() ? amount : null,
        currency,
        probability,
        expectedCloseDate,
        ownerId,
        nextStep,
        competitors,
        description,
        lines.stream().map(Line::draft).toList());
  }

  Opportunity withOwnerName(@Nullable String ownerName) {
    return with(ownerName, lines);
  }

  Opportunity withLines(List<Line> lines) {
    return with(ownerName, List.copyOf(lines));
  }

  /** This deal with another owner's name and other lines. */
  private Opportunity with(@Nullable String ownerName, List<Line> lines) {
    return new Opportunity(
        id,
        name,
        customerId,
        customerName,
        leadId,
        pipelineId,
        stageId,
        stageName,
        status,
        ownerId,
        ownerName,
        teamId,
        amount,
        currency,
        probability,
        expectedCloseDate,
        nextStep,
        competitors,
        description,
        lines,
        stageEnteredAt,
        closedAt,
        closedOn,
        wonReason,
        lostReason,
        lostNote,
        orderId,
        createdAt,
        updatedAt,
        version);
  }
}
