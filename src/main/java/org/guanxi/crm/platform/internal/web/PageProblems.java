package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.guanxi.crm.platform.InvalidInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The problems of a page request that no page answers itself, shown as a page that says what was
 * wrong rather than a 500. (Forms check their input and come back with it as typed.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

  /** Text with a NUL that reached the database unchecked ({@link NulRefusal}): 400 and why. */
  @ExceptionHandler
  String refused(DataIntegrityViolationException e, HttpServletResponse response, Model model)
      throws DataIntegrityViolationException {
    if (!NulRefusal.causedBy(e)) {
      throw e;
    }
    return badRequest(response, model, "reason", "error.unstorableText");
  }

  /** A search or filter with a NUL ({@link UnstorableParameter}): 400 and why. */
  @ExceptionHandler
  String unstorable(UnstorableParameter e, HttpServletResponse response, Model model) {
    return badRequest(response, model, "reason", "error.unstorableText");
  }

  /**
   * Input a page did not answer itself, such as a link's made-up cursor or filter: 400 and each
   * problem, rather than a 500.
   */
  @ExceptionHandler
  String invalid(InvalidInput e, HttpServletResponse response, Model model) {
    return badRequest(response, model, "problems", e.errors());
  }

  /** The error page with 400 and why ({@code why} under the model attribute {@code name}). */
  private static String badRequest(
      HttpServletResponse response, Model model, String name, Object why) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
    model.addAttribute(name, why);
    return "error";
  }
}
