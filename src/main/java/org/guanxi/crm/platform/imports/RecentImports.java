package org.guanxi.crm.platform.imports;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The user's recent imports as the page of a module's imports lists them ({@code platform/import ::
 * list}, the model attribute {@code recent}): the file, when it was uploaded and its status, then
 * the module's own columns.
 *
 * @param heads the message keys of the module's own columns
 * @param rows an import a row, its cells in the order of the heads
 */
public record RecentImports(List<String> heads, List<Row> rows) {

  /** An import in the list, with the values of the module's own columns. */
  public record Row(
      UUID id, String fileName, Instant createdAt, ImportStatus status, List<Long> cells) {}

  /** A column of the module's own: the message key of its head, and its value for an import. */
  public record Column<J>(String head, ToLongFunction<J> value) {}

  public RecentImports {
    heads = List.copyOf(heads);
    rows = List.copyOf(rows);
  }

  /** {@code jobs} listed with the module's {@code columns}. */
  @SafeVarargs
  public static <J extends ImportJob> RecentImports of(List<J> jobs, Column<J>... columns) {
    List<Column<J>> shown = Arrays.asList(columns);
    return new RecentImports(
        shown.stream().map(Column::head).toList(),
        jobs.stream()
            .map(
                job ->
                    new Row(
                        job.id(),
                        job.fileName(),
                        job.createdAt(),
                        job.status(),
                        shown.stream().map(c -> c.value().applyAsLong(job)).toList()))
            .toList());
  }
}
