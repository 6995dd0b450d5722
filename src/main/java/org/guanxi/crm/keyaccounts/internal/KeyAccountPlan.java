package org.guanxi.crm.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The plan for one key customer and one year: what is to be achieved (goals), who decides and how
 * they stand (stakeholders), who works the account (the account team) and what was agreed to do
 * next, by whom, to be reviewed when (steps).
 */
record KeyAccountPlan(
    UUID id,
    UUID customerId,
    int year,
    List<Goal> goals,
    List<Stakeholder> stakeholders,
    List<Member> team,
    List<Step> steps,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  enum GoalStatus {
    OPEN,
    ON_TRACK,
    AT_RISK,
    ACHIEVED,
    MISSED
  }

  /** A stakeholder's part in the customer's buying decision. */
  enum BuyingRole {
    DECISION_MAKER,
    ECONOMIC_BUYER,
    TECHNICAL_BUYER,
    USER,
    INFLUENCER,
    GATEKEEPER
  }

  /** How a stakeholder stands towards us, from most to least favourable. */
  enum Attitude {
    CHAMPION,
    SUPPORTER,
    NEUTRAL,
    SCEPTIC,
    OPPONENT
  }

  /** A colleague's part in the account team. */
  enum TeamRole {
    ACCOUNT_MANAGER,
    EXECUTIVE_SPONSOR,
    SALES,
    PRESALES,
    SERVICE,
    OTHER
  }

  record Goal(
      UUID id,
      String description,
      @Nullable BigDecimal targetAmount,
      @Nullable String currency,
      GoalStatus status) {}

  /**
   * @param contactId the customer's contact this stakeholder is, when recorded
   */
  record Stakeholder(
      UUID id,
      String name,
      @Nullable String title,
      BuyingRole buyingRole,
      Attitude attitude,
      @Nullable UUID contactId) {}

  record Member(UUID userId, String displayName, TeamRole role) {}

  record Step(
      UUID id,
      String description,
      UUID ownerId,
      String ownerName,
      LocalDate reviewDate,
      boolean done,
      @Nullable Instant doneAt) {

    /** Still open on its review date's next day. */
    boolean overdueOn(LocalDate today) {
      return !done && reviewDate.isBefore(today);
    }
  }

  /** The earliest review date of the steps still open. */
  Optional<LocalDate> nextReview() {
    return steps.stream().filter(s -> !s.done()).map(Step::reviewDate).min(LocalDate::compareTo);
  }

  long overdueSteps(LocalDate today) {
    return steps.stream().filter(s -> s.overdueOn(today)).count();
  }

  boolean hasMember(UUID userId) {
    return team.stream().anyMatch(m -> m.userId().equals(userId));
  }

  /** The plan as its whole-plan input, to change a part of it and write it back. */
  KeyAccountPlanDraft draft() {
    return new KeyAccountPlanDraft(
        customerId,
        year,
        goals.stream()
            .map(
                g ->
                    new KeyAccountPlanDraft.GoalDraft(
                        g.id(), g.description(), g.targetAmount(), g.currency(), g.status()))
            .toList(),
        stakeholders.stream()
            .map(
                s ->
                    new KeyAccountPlanDraft.StakeholderDraft(
                        s.id(), s.name(), s.title(), s.buyingRole(), s.attitude(), s.contactId()))
            .toList(),
        team.stream().map(m -> new KeyAccountPlanDraft.MemberDraft(m.userId(), m.role())).toList(),
        steps.stream()
            .map(
                s ->
                    new KeyAccountPlanDraft.StepDraft(
                        s.id(), s.description(), s.ownerId(), s.reviewDate(), s.done()))
            .toList());
  }
}
