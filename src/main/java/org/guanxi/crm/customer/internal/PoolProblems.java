package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The pool rules an API call broke, as problem+json. */
@RestControllerAdvice(assignableTypes = {PoolApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PoolProblems {

  @ExceptionHandler
  ProblemDetail alreadyClaimed(AlreadyClaimed e) {
    return Problems.of(HttpStatus.CONFLICT, "already-claimed", "Already claimed", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail claimLimit(ClaimLimitReached e) {
    return Problems.of(
        HttpStatus.CONFLICT,
        "claim-limit",
        "Claim limit reached",
        e.getMessage(),
        "claimLimit",
        e.limit());
  }

  @ExceptionHandler
  ProblemDetail alreadyInPool(AlreadyInPool e) {
    return Problems.of(
        HttpStatus.CONFLICT, "already-in-pool", "Already in the pool", e.getMessage());
  }
}
