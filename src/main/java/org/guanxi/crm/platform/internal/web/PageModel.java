package org.guanxi.crm.platform.internal.web;

import java.time.ZoneId;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

  /** The zone pages show times in; a per-user setting can replace it. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @ModelAttribute("zone")
  ZoneId zone() {
    return ZONE;
  }

  @ModelAttribute("currentUser")
  @Nullable CurrentUser currentUser() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
        ? user
        : null;
  }
}
