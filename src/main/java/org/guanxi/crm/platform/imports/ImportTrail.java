package org.guanxi.crm.platform.imports;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the API shows of every import after the module's own counts (unwrapped into the module's
 * resource): why it failed, when it was uploaded, started and ended, and the links to it and its
 * parts.
 */
public record ImportTrail(
    @Nullable String failure,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    Map<String, String> links) {

  public ImportTrail {
    links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
  }

  /**
   * The trail of {@code job}, whose resource is at {@code self}: the link {@code self}, then one
   * link a part, the parts given as pairs of the link's name and where the part is under {@code
   * self} ({@code "errors", "/errors.csv"}).
   */
  public static ImportTrail of(ImportJob job, String self, String... parts) {
    if (parts.length % 2 != 0) {
      throw new IllegalArgumentException("The parts are pairs of a name and a path");
    }
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", self);
    for (int i = 0; i < parts.length; i += 2) {
      links.put(parts[i], self + parts[i + 1]);
    }
    return new ImportTrail(
        job.failure(), job.createdAt(), job.startedAt(), job.finishedAt(), links);
  }
}
