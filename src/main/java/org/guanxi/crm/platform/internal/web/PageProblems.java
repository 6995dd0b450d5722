package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Refused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

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
    return unstorable(response, model);
  }

  /** A search or filter with a NUL ({@link UnstorableParameter}): 400 and why. */
  @ExceptionHandler
  String unstorable(UnstorableParameter e, HttpServletResponse response, Model model) {
    return unstorable(response, model);
  }

  /**
   * Input a page did not answer itself, such as a link's made-up cursor or filter: 400 and each
   * problem, rather than a 500.
   */
  @ExceptionHandler
  String invalid(InvalidInput e, HttpServletResponse response, Model model) {
    return badRequest(response, model, "problems", e.errors());
  }

  /**
   * A module's rule refused what a page asked for, and the page did not say so itself (a record
   * that became history between showing the page and the click): its status and, in the user's
   * language where the module's bundle has it, why ({@code error.<code>}).
   */
  @ExceptionHandler
  String refused(Refused e, HttpServletResponse response, Model model) {
    ProblemDetail problem = e.problem();
    response.setStatus(problem.getStatus());
    model.addAttribute("status", problem.getStatus());
    model.addAttribute(
        "problems",
        List.of(
            new InvalidInput.FieldError(
                "", String.valueOf(problem.getProperties().get("code")), e.getMessage())));
    return "error";
  }

  /** An upload form sent without its file (or not as a form of files): 400 and what to send. */
  @ExceptionHandler
  String noFile(MultipartException e, HttpServletResponse response, Model model) {
    return badRequest(response, model, "reason", "error.file-required");
  }

  private static String unstorable(HttpServletResponse response, Model model) {
    return badRequest(response, model, "reason", "error.unstorableText");
  }

  /** The error page with 400 and what the page shows ({@code attribute}). */
  private static String badRequest(
      HttpServletResponse response, Model model, String attribute, Object value) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
    model.addAttribute(attribute, value);
    return "error";
  }
}
