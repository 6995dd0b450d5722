package org.guanxi.crm.platform;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;

/**
 * A list page's request for one page of its rows, as the one handler of a list page takes it,
 * mapped both to the page and to its {@code /rows} (the htmx fragment the search box, the filters
 * and the "more" button fetch): the signed-in user, the cursor of the page of rows asked for (only
 * the fragment takes one: the page starts at the first row), whether the fragment is asked for, and
 * the model of the answer.
 *
 * <p>The rows are shown as the list's template reads them ({@code platform/lists}): the list's
 * filters, each component of the filter record under its own name (for the search box, the selects
 * and the "more" button to send again), the rows ({@code rows}) and the cursor of the next page
 * ({@code nextCursor}, none on the last). A list page binds its filters to one record (a handler
 * parameter bound from the request).
 */
public record ListRows(CurrentUser user, @Nullable String cursor, boolean fragment, Model model) {

  /** The first page of the whole list page, as a page shows it again after a form of its own. */
  public static ListRows page(CurrentUser user, Model model) {
    return new ListRows(user, null, false, model);
  }

  /**
   * Shows one page of the rows.
   *
   * @param view the list page's template
   * @return the template, or its {@code rows} fragment when that was asked for
   */
  public String show(String view, Record filter, List<?> rows, @Nullable String nextCursor) {
    for (RecordComponent component : filter.getClass().getRecordComponents()) {
      Method accessor = component.getAccessor();
      ReflectionUtils.makeAccessible(accessor);
      model.addAttribute(component.getName(), ReflectionUtils.invokeMethod(accessor, filter));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("nextCursor", nextCursor);
    return fragment ? view + " :: rows" : view;
  }
}
