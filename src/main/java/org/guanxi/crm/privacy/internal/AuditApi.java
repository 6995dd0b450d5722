package org.guanxi.crm.privacy.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit log", description = "Every access to personal data, newest first")
class AuditApi {

  record AuditPage(List<JdbcAuditLog.AuditEntry> items, @Nullable UUID nextCursor) {}

  private final JdbcAuditLog audit;

  AuditApi(JdbcAuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit-events")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  @Operation(
      summary = "Browse the audit log",
      description = "cursor is the id of the last entry of the previous page")
  AuditPage list(
      @RequestParam(required = false) @Nullable UUID cursor,
      @RequestParam(defaultValue = "50") int limit) {
    PageCursors.checkLimit(limit, 200);
    return page(audit, cursor, limit);
  }

  static AuditPage page(JdbcAuditLog audit, @Nullable UUID cursor, int limit) {
    List<JdbcAuditLog.AuditEntry> rows = audit.recent(cursor, limit + 1);
    if (rows.size() <= limit) {
      return new AuditPage(rows, null);
    }
    List<JdbcAuditLog.AuditEntry> page = rows.subList(0, limit);
    return new AuditPage(List.copyOf(page), page.get(limit - 1).id());
  }
}
