package org.guanxi.crm.keyaccounts.internal;

import org.guanxi.crm.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The key-account plan rules an API call broke, as problem+json. */
@RestControllerAdvice(assignableTypes = {KeyAccountPlanApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeyAccountProblems {

  @ExceptionHandler
  ProblemDetail exists(KeyAccountPlanExists e) {
    return Problems.of(
        HttpStatus.CONFLICT,
        "key-account-plan-exists",
        "The customer has a plan for this year",
        e.getMessage(),
        "planId",
        e.planId());
  }

  @ExceptionHandler
  ProblemDetail notOnTeam(NotOnAccountTeam e) {
    return Problems.of(
        HttpStatus.FORBIDDEN, "not-on-account-team", "Not on the account team", e.getMessage());
  }
}
