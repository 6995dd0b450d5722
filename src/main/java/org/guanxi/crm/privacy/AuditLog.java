package org.guanxi.crm.privacy;

import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of access to personal data: every reveal, export and bulk read. Details
 * name fields and counts, never the personal data itself.
 */
public interface AuditLog {

  void record(
      CurrentUser actor,
      AuditAction action,
      String subjectType,
      @Nullable UUID subjectId,
      Map<String, ?> detail);
}
