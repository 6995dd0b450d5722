package org.guanxi.crm.keyaccounts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.ContactSummary;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * A key-account plan as the API and the pages show it: its customer's name, the stakeholders'
 * contacts (a link to a contact deleted since is left out), the next review date and the overdue
 * steps, and whether the reader may change it.
 */
record KeyAccountPlanResource(
    UUID id,
    UUID customerId,
    String customerName,
    int year,
    List<KeyAccountPlan.Goal> goals,
    List<Stakeholder> stakeholders,
    List<KeyAccountPlan.Member> team,
    List<Step> steps,
    @Nullable LocalDate nextReviewDate,
    long overdueSteps,
    boolean editable,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {

  record Stakeholder(
      UUID id,
      String name,
      @Nullable String title,
      KeyAccountPlan.BuyingRole buyingRole,
      KeyAccountPlan.Attitude attitude,
      @Nullable UUID contactId,
      @Nullable String contactName) {}

  record Step(
      UUID id,
      String description,
      UUID ownerId,
      String ownerName,
      LocalDate reviewDate,
      boolean done,
      @Nullable Instant doneAt,
      boolean overdue) {}

  /** A plan in the list. */
  record Summary(
      UUID id,
      UUID customerId,
      String customerName,
      int year,
      @Nullable LocalDate nextReviewDate,
      int openSteps,
      int overdueSteps,
      int teamSize,
      long version) {

    static Summary of(KeyAccountPlanService.Listed listed) {
      KeyAccountPlanStore.Listed plan = listed.plan();
      return new Summary(
          plan.id(),
          plan.customerId(),
          listed.customerName(),
          plan.year(),
          plan.nextReview(),
          plan.openSteps(),
          plan.overdueSteps(),
          plan.teamSize(),
          plan.version());
    }
  }

  static KeyAccountPlanResource of(KeyAccountPlanService.View view, LocalDate today) {
    KeyAccountPlan plan = view.plan();
    return new KeyAccountPlanResource(
        plan.id(),
        plan.customerId(),
        view.customer().name(),
        plan.year(),
        plan.goals(),
        plan.stakeholders().stream()
            .map(
                s -> {
                  ContactSummary contact =
                      s.contactId() == null ? null : view.contacts().get(s.contactId());
                  return new Stakeholder(
                      s.id(),
                      s.name(),
                      s.title(),
                      s.buyingRole(),
                      s.attitude(),
                      contact == null ? null : contact.id(),
                      contact == null ? null : contact.name());
                })
            .toList(),
        plan.team(),
        plan.steps().stream()
            .map(
                s ->
                    new Step(
                        s.id(),
                        s.description(),
                        s.ownerId(),
                        s.ownerName(),
                        s.reviewDate(),
                        s.done(),
                        s.doneAt(),
                        s.overdueOn(today)))
            .toList(),
        plan.nextReview().orElse(null),
        plan.overdueSteps(today),
        view.editable(),
        plan.createdAt(),
        plan.updatedAt(),
        plan.version());
  }
}
