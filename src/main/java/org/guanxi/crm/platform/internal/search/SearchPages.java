package org.guanxi.crm.platform.internal.search;

import java.util.Comparator;
import java.util.List;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.SearchSource;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box of the top bar: what every module's {@link SearchSource} the user may read finds
 * for the text, a few records each, under the module's heading.
 */
@Controller
class SearchPages {

  /** How many records of each kind the page shows. */
  static final int PER_SOURCE = 8;

  /** A kind's results. */
  record Results(String labelKey, List<SearchSource.Hit> hits) {}

  private final List<SearchSource> sources;

  SearchPages(List<SearchSource> sources) {
    this.sources =
        sources.stream().sorted(Comparator.comparingInt(SearchSource::position)).toList();
  }

  @GetMapping("/search")
  @PreAuthorize("isAuthenticated()")
  String search(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String q,
      Model model) {
    String text = FreeText.stripped(q);
    model.addAttribute("q", text == null ? "" : text);
    model.addAttribute(
        "results",
        text == null
            ? List.of()
            : sources.stream()
                .filter(s -> user.can(s.permission()))
                .map(s -> new Results(s.labelKey(), s.search(user, text, PER_SOURCE)))
                .toList());
    return "platform/search";
  }
}
