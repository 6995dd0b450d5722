package org.guanxi.crm.platform.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.guanxi.crm.platform.FormOutcome;
import org.guanxi.crm.platform.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What the import pages of the modules share: the service that runs a module's imports, the report
 * of the rows an import did not take ({@link ImportHandlers}), changing an import from its page,
 * and the page shown when an import is not found (or not the user's). A module's pages extend it
 * and declare their own handlers, which call these.
 *
 * @param <S> the module's import service
 */
public abstract class ImportPageSupport<S> extends ImportHandlers<S> {

  private final String notFound;

  /** {@code notFound}: the view shown, with 404, when an import (or a record) is not found. */
  protected ImportPageSupport(S imports, Report report, String notFound) {
    super(imports, report);
    this.notFound = notFound;
  }

  /**
   * The page of an import, its {@code view}, with the model its part {@code platform/import :: job}
   * shows: the import, how far it is, and the fields its columns may fill.
   */
  protected static String jobPage(
      Model model, ImportJob job, ImportProgress progress, ImportField[] fields, String view) {
    model.addAttribute("job", job);
    model.addAttribute("progress", progress);
    model.addAttribute("fields", fields);
    return view;
  }

  /**
   * Makes the change and goes to {@code page}; refused ({@link FormOutcome}), the page {@code
   * again} with the problems.
   */
  protected static String change(
      Runnable change,
      String page,
      Model model,
      HttpServletResponse response,
      Supplier<String> again) {
    return FormOutcome.tryChange(
        () -> {
          change.run();
          return "redirect:" + page;
        },
        model,
        response,
        again);
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound() {
    return notFound;
  }
}
