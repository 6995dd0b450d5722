package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.guanxi.crm.platform.InvalidInput;
import org.springframework.ui.Model;

/**
 * A settings page of administrators (lifecycle periods, pool rules): the settings shown (model
 * attribute {@code settings}), the problems of what was typed ({@code errors}), and whether someone
 * else changed them meanwhile ({@code conflict}) or they were saved ({@code saved}).
 *
 * @param view the page's template
 */
record SettingsPage(String view) {

  /** The page with the settings as they are. */
  String show(Model model, Object current) {
    return page(model, current, List.of(), false, false);
  }

  /**
   * Saves what was typed and answers the page again: with the problems when {@code check} refuses
   * it, with {@code kept} and the conflict notice when {@code save} finds the settings changed
   * meanwhile, else with {@code current} and the saved notice.
   *
   * @param check throws {@link InvalidInput} for what cannot be saved
   * @param save stores the settings; false when someone else changed them meanwhile
   */
  <S> String save(
      Model model,
      S typed,
      Runnable check,
      BooleanSupplier save,
      Supplier<S> kept,
      Supplier<S> current) {
    try {
      check.run();
    } catch (InvalidInput e) {
      return page(model, typed, e.errors(), false, false);
    }
    if (!save.getAsBoolean()) {
      return page(model, kept.get(), List.of(), true, false);
    }
    return page(model, current.get(), List.of(), false, true);
  }

  private String page(
      Model model,
      Object shown,
      List<InvalidInput.FieldError> errors,
      boolean conflict,
      boolean saved) {
    model.addAttribute("settings", shown);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("saved", saved);
    return view;
  }
}
