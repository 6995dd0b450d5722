package org.guanxi.crm.platform.internal.admin;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.StaleVersion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Administrators choose the workspace's time zone. */
@Controller
@RequestMapping("/admin/workspace")
class WorkspaceSettingsPages {

  /** The zones offered while typing: every region id, in order. */
  private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

  private final WorkspaceSettingsStore settings;
  private final WorkspaceSettingsCache zones;

  WorkspaceSettingsPages(WorkspaceSettingsStore settings, WorkspaceSettingsCache zones) {
    this.settings = settings;
    this.zones = zones;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String show(Model model) {
    return page(model, settings.current(), List.of(), false);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String save(@ModelAttribute("typed") WorkspaceSettings typed, Model model) {
    try {
      zones.changeZone(WorkspaceSettings.zoneOf(typed.timeZone()), typed.version());
      return "redirect:/admin/workspace?saved";
    } catch (InvalidInput e) {
      return page(model, typed, e.errors(), false);
    } catch (StaleVersion e) {
      // what was typed stays, at the version the user is now warned about: saving again applies it
      return page(
          model, new WorkspaceSettings(typed.timeZone(), e.currentVersion()), List.of(), true);
    }
  }

  private static String page(
      Model model,
      WorkspaceSettings shown,
      List<InvalidInput.FieldError> errors,
      boolean conflict) {
    model.addAttribute("settings", shown);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("zones", ZONES);
    return "admin/workspace";
  }
}
