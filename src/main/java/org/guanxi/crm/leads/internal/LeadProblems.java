package org.guanxi.crm.leads.internal;

import org.guanxi.crm.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lead rules an API call broke, as problem+json. */
@RestControllerAdvice(assignableTypes = {LeadApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeadProblems {

  @ExceptionHandler
  ProblemDetail alreadyConverted(LeadAlreadyConverted e) {
    return Problems.of(
        HttpStatus.CONFLICT,
        "lead-already-converted",
        "Lead already converted",
        e.getMessage(),
        "customerId",
        e.customerId());
  }

  @ExceptionHandler
  ProblemDetail notQualified(LeadNotQualified e) {
    return Problems.of(
        HttpStatus.CONFLICT, "lead-not-qualified", "Lead not qualified", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail possibleDuplicates(LeadMatchesExistingCustomers e) {
    return Problems.of(
        HttpStatus.CONFLICT,
        "possible-duplicates",
        "Possible duplicate customers",
        e.getMessage(),
        "candidates",
        e.candidates());
  }
}
