package org.guanxi.crm.platform;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.ReflectionUtils;

/**
 * Shows one page of a list page's rows as its template reads them ({@code platform/lists}): the
 * list's filters, each component of the filter record under its own name (for the search box, the
 * selects and the "more" button to send again), the rows ({@code rows}) and the cursor of the next
 * page ({@code nextCursor}, none on the last).
 *
 * <p>A list page binds its filters to one record (a handler parameter bound from the request),
 * which both its page handler and its {@code /rows} handler (the htmx fragment, with a cursor)
 * take.
 */
public final class ListRows {

  private ListRows() {}

  public static void show(Model model, Record filter, List<?> rows, @Nullable String nextCursor) {
    for (RecordComponent component : filter.getClass().getRecordComponents()) {
      Method accessor = component.getAccessor();
      ReflectionUtils.makeAccessible(accessor);
      model.addAttribute(component.getName(), ReflectionUtils.invokeMethod(accessor, filter));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("nextCursor", nextCursor);
  }
}
