package org.guanxi.crm.privacy.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditPages {

  private final JdbcAuditLog audit;

  AuditPages(JdbcAuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  @PreAuthorize("hasAuthority('AUDIT_READ')")
  String list(@RequestParam(required = false) @Nullable UUID cursor, Model model) {
    model.addAttribute("page", AuditApi.page(audit, cursor, 100));
    return "privacy/audit";
  }
}
