package org.guanxi.crm.platform;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.ui.Model;

/**
 * A page's request to change one record, as a handler method of a page takes it in place of five
 * parameters: the signed-in user, the record's id (the path's {@code {id}}), the version the page
 * showed (the parameter {@code version}), whether htmx sent it (the header {@code HX-Request}: it
 * wants a part of the page again rather than a redirect), and the model of the answer.
 *
 * <p>A request without a version, or with an id or a version that does not read as one, is refused
 * with 400, as a missing or malformed parameter is.
 */
public record PageChange(CurrentUser user, UUID id, long version, boolean htmx, Model model) {

  /**
   * Makes the change, as a button of the record's page asks: what {@code change} answers (a
   * redirect, usually) when it went through; else {@code again}, the page once more with why not in
   * the model: a refusal's errors ({@link InvalidInput}) as {@code refused}, or {@code conflict}
   * when someone else changed the record meanwhile ({@link StaleVersion}).
   */
  public String make(Supplier<String> change, Supplier<String> again) {
    try {
      return change.get();
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
    }
    return again.get();
  }
}
