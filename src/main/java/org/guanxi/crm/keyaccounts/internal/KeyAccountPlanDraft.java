package org.guanxi.crm.keyaccounts.internal;

import jakarta.validation.Valid;
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
import org.jspecify.annotations.Nullable;

/**
 * A whole key-account plan as a user writes it: creating one, or replacing one (the parts that keep
 * their {@code id} are the same goal, stakeholder or step; those without one are new; those left
 * out are removed). Lists left out are empty.
 *
 * @param customerId the key customer: required to create, and cannot change
 * @param year the plan's year: the current year when left out
 */
record KeyAccountPlanDraft(
    @Nullable UUID customerId,
    @Nullable @Min(2000) @Max(2100) Integer year,
    @Nullable @Size(max = 50) List<@NotNull @Valid GoalDraft> goals,
    @Nullable @Size(max = 100) List<@NotNull @Valid StakeholderDraft> stakeholders,
    @Nullable @Size(max = 50) List<@NotNull @Valid MemberDraft> team,
    @Nullable @Size(max = 200) List<@NotNull @Valid StepDraft> steps) {

  /**
   * @param currency ISO 4217 code of the target amount; CNY when left out
   * @param status OPEN when left out
   */
  record GoalDraft(
      @Nullable UUID id,
      @NotBlank @Size(max = 500) String description,
      @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal targetAmount,
      @Nullable @Pattern(regexp = "[A-Z]{3}") String currency,
      KeyAccountPlan.@Nullable GoalStatus status) {}

  /**
   * @param contactId a contact of the plan's customer
   */
  record StakeholderDraft(
      @Nullable UUID id,
      @NotBlank @Size(max = 100) String name,
      @Nullable @Size(max = 100) String title,
      @NotNull KeyAccountPlan.BuyingRole buyingRole,
      @NotNull KeyAccountPlan.Attitude attitude,
      @Nullable UUID contactId) {}

  record MemberDraft(@NotNull UUID userId, @NotNull KeyAccountPlan.TeamRole role) {}

  /**
   * @param ownerId the colleague who sees to it
   * @param reviewDate when it is to be done and reviewed
   * @param done false when left out
   */
  record StepDraft(
      @Nullable UUID id,
      @NotBlank @Size(max = 500) String description,
      @NotNull UUID ownerId,
      @NotNull LocalDate reviewDate,
      @Nullable Boolean done) {

    /** Whether the step is done; not when left out. */
    boolean isDone() {
      return Boolean.TRUE.equals(done);
    }
  }

  List<GoalDraft> goalList() {
    return goals == null ? List.of() : goals;
  }

  List<StakeholderDraft> stakeholderList() {
    return stakeholders == null ? List.of() : stakeholders;
  }

  List<MemberDraft> teamList() {
    return team == null ? List.of() : team;
  }

  List<StepDraft> stepList() {
    return steps == null ? List.of() : steps;
  }
}
