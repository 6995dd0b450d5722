package org.guanxi.crm.leads.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/lead-assignment-rules")
@Tag(
    name = "Lead assignment rules",
    description = "Who gets the leads that arrive without an owner (web form, import)")
class LeadAssignmentApi {

  record RuleList(List<LeadAssignmentRule> items) {}

  private final LeadAssignmentRules rules;

  LeadAssignmentApi(LeadAssignmentRules rules) {
    this.rules = rules;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(summary = "The rules in the order they are tried")
  RuleList list() {
    return new RuleList(rules.all());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(
      summary = "Add a rule",
      description =
          "city and/or industry to match (neither: every lead), userId or teamId (its active sales reps in turn), position (default: last).")
  ResponseEntity<LeadAssignmentRule> create(@RequestBody LeadAssignmentRuleDraft draft) {
    LeadAssignmentRule rule = rules.create(draft);
    return VersionedResponses.created("/api/v1/lead-assignment-rules/" + rule.id(), rule);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(summary = "Read a rule")
  ResponseEntity<LeadAssignmentRule> get(@PathVariable UUID id) {
    return VersionedResponses.ok(rules.get(id));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(summary = "Change a rule")
  ResponseEntity<LeadAssignmentRule> update(
      @PathVariable UUID id, IfMatch ifMatch, @RequestBody LeadAssignmentRuleDraft draft) {
    return VersionedResponses.ok(rules.update(id, ifMatch.version(), draft));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(summary = "Delete a rule")
  ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
    rules.delete(id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
