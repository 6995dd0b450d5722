package org.guanxi.crm.platform.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What the handlers of a module's imports share, its API's ({@link ImportApi}) and its pages'
 * ({@link ImportPageSupport}): the service that runs the module's imports and the report of the
 * rows an import did not take.
 *
 * @param <S> the module's import service
 */
public abstract class ImportHandlers<S> {

  /** Writes the rows an import did not take, as CSV, to the response. */
  @FunctionalInterface
  public interface Report {
    void download(CurrentUser user, UUID id, Locale locale, HttpServletResponse response)
        throws IOException;
  }

  protected final S imports;
  private final Report report;

  protected ImportHandlers(S imports, Report report) {
    this.imports = imports;
    this.report = report;
  }

  /**
   * Writes the report of import {@code id}, if it is the user's, to the response, in the language
   * of the request.
   */
  protected final void download(CurrentUser user, UUID id, HttpServletResponse response)
      throws IOException {
    report.download(user, id, LocaleContextHolder.getLocale(), response);
  }
}
