package org.guanxi.crm.platform.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * How far an import is, as the one progress fragment of every import's page shows it ({@code
 * platform/import :: progress}, the model attribute {@code progress}).
 *
 * @param messages the prefix of the importing module's messages ({@code imports}, {@code
 *     orderImports}): its {@code progress} and {@code failure} texts
 * @param poll where the fragment asks for itself again while the import runs
 * @param status the message key of the status shown
 * @param finished whether the import has ended (done or failed)
 * @param done the rows (or lines) read so far, of {@code total}
 * @param failure why it failed, or null
 * @param counts what became of the rows, each under the message key of its label
 * @param report where the report of the rows not imported is, when there are any and the import has
 *     ended; else null
 * @param reportLabel the message key of the report's link
 * @param allImported the message key of the notice that every row was imported, when the import is
 *     done and none was left out; else null
 */
public record ImportProgress(
    String messages,
    String poll,
    String status,
    boolean finished,
    long done,
    long total,
    @Nullable String failure,
    List<Count> counts,
    @Nullable String report,
    String reportLabel,
    @Nullable String allImported) {

  /** A number shown under its label's message key. */
  public record Count(String label, long value) {}

  public ImportProgress {
    counts = List.copyOf(counts);
  }

  /**
   * The progress of {@code job}, whose page is at {@code page}: its status shown as {@code
   * <messages>.status.<state>}, {@code done} of {@code total} read and its {@code counts}; once it
   * has ended with {@code leftOut} rows (or lines) not imported, the link to their report, {@code
   * <page>/<report>.csv}, labelled {@code <messages>.<report>.download}; done with none left out,
   * the notice {@code <messages>.<report>.none}.
   */
  public static ImportProgress of(
      String messages,
      String page,
      ImportJob job,
      String state,
      long done,
      long total,
      List<Count> counts,
      long leftOut,
      String report) {
    boolean finished = job.status().finished();
    return new ImportProgress(
        messages,
        page + "/progress",
        messages + ".status." + state,
        finished,
        done,
        total,
        job.failure(),
        counts,
        finished && leftOut > 0 ? page + "/" + report + ".csv" : null,
        messages + "." + report + ".download",
        job.status() == ImportStatus.DONE && leftOut == 0
            ? messages + "." + report + ".none"
            : null);
  }

  /**
   * The view of the progress fragment, with this progress as its model: once the import has ended,
   * htmx is told to load the whole page again (its report link and what follows change with it).
   */
  public String fragment(Model model, HttpServletResponse response) {
    model.addAttribute("progress", this);
    if (finished) {
      response.setHeader("HX-Refresh", "true");
    }
    return "platform/import :: progress";
  }
}
