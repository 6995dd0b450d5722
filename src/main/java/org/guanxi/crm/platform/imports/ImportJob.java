package org.guanxi.crm.platform.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What every module's import that runs in the background is, whatever it imports: the file, where
 * it stands and when it was uploaded, started and ended. The module's import record implements it,
 * so that the pieces every import shows ({@link ImportTrail}, {@link ImportProgress}, {@link
 * RecentImports}) are built from it in one place.
 */
public interface ImportJob {

  UUID id();

  String fileName();

  List<String> headers();

  ImportStatus status();

  /** Why the import failed, or null. */
  @Nullable String failure();

  Instant createdAt();

  @Nullable Instant startedAt();

  @Nullable Instant finishedAt();
}
