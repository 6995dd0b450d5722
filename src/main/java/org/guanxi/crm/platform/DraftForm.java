package org.guanxi.crm.platform;

import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Saves a bound form of a record: where the save sends the user, or the form again, with the typed
 * values and why not (what could not be bound, the refusal's errors at their fields, or the
 * conflict notice, model attribute {@code conflict}).
 *
 * @param reject puts a refusal's errors on the form ({@link FormErrors#reject} with the page's
 *     message prefix, or the page's own)
 */
public record DraftForm(BindingResult binding, Model model, Consumer<InvalidInput> reject) {

  /** A form whose errors show at their fields under the message codes {@code codePrefix + code}. */
  public static DraftForm of(BindingResult binding, Model model, String codePrefix) {
    return new DraftForm(binding, model, e -> FormErrors.reject(binding, e, codePrefix));
  }

  /**
   * A new record's form.
   *
   * @param save saves and answers the view to go on to (usually a redirect)
   * @param form the form again
   */
  public String create(Supplier<String> save, Supplier<String> form) {
    if (binding.hasErrors()) {
      return form.get();
    }
    try {
      return save.get();
    } catch (InvalidInput e) {
      reject.accept(e);
      return form.get();
    }
  }

  /**
   * A change to a record read at {@code version}. When someone else changed it meanwhile, the form
   * keeps the user's input but now carries the version they have been warned about, so that saving
   * again after looking at the latest version goes through (as the conflict message says); a change
   * made meanwhile by someone else again is again a conflict.
   *
   * @param form the form again at a version
   * @param latest the record's version now
   */
  public String update(
      long version,
      Supplier<String> save,
      LongFunction<String> form,
      ToLongFunction<StaleVersion> latest) {
    try {
      return create(save, () -> form.apply(version));
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
      return form.apply(latest.applyAsLong(e));
    }
  }
}
