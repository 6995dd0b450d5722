package org.guanxi.crm.platform.internal.web;

import java.util.List;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DashboardTile;
import org.guanxi.crm.platform.PageSection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

  record Tile(String labelKey, String link, long value) {}

  private final List<DashboardTile> tiles;
  private final List<PageSection> sections;

  DashboardController(List<DashboardTile> tiles, List<PageSection> sections) {
    this.tiles = tiles;
    this.sections = List.copyOf(sections);
  }

  @GetMapping("/login")
  @PreAuthorize("permitAll()")
  String login() {
    return "platform/login";
  }

  @GetMapping("/")
  @PreAuthorize("isAuthenticated()")
  String dashboard(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "tiles", tiles.stream().map(t -> new Tile(t.labelKey(), t.link(), t.value(user))).toList());
    model.addAttribute(
        "sections", PageSection.pathsFor(sections, PageSection.Page.HOME, user, null, false));
    return "platform/dashboard";
  }
}
