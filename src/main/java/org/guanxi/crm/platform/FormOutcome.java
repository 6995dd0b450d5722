package org.guanxi.crm.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * What a page's form post answers: where the change sends the user, or, when the change refuses the
 * input ({@link InvalidInput}), 422 with its problems (the model attribute {@code problems}) and
 * the page again.
 */
public final class FormOutcome {

  private FormOutcome() {}

  /**
   * @param change makes the change and answers the view to go on to (usually a redirect)
   * @param page the view of the page shown again with the problems
   */
  public static String tryChange(
      Supplier<String> change, Model model, HttpServletResponse response, Supplier<String> page) {
    try {
      return change.get();
    } catch (InvalidInput e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("problems", e.errors());
      return page.get();
    }
  }
}
