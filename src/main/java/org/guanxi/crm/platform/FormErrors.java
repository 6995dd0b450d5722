package org.guanxi.crm.platform;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;

/**
 * Shows why a save refused a bound form: each error of the {@link InvalidInput} at its field, so
 * that the form is shown again with the typed values and the message at the field.
 */
public final class FormErrors {

  private FormErrors() {}

  /**
   * @param codePrefix the start of the message codes of the page's bundle, such as {@code error.}:
   *     the message is {@code codePrefix + code}, or the refusal's own message when there is none
   */
  public static void reject(BindingResult binding, InvalidInput refused, String codePrefix) {
    for (InvalidInput.FieldError error : refused.errors()) {
      reject(binding, error, codePrefix);
    }
  }

  /**
   * One error at the form field it is about: an element of a list or a value of a map ({@code
   * tags[1]}) at the field that holds them all ({@code tags}), as the user typed them in one; a
   * field of an element ({@code lines[0].quantity}) at itself.
   */
  public static void reject(
      BindingResult binding, InvalidInput.FieldError error, String codePrefix) {
    String field = error.field().replaceAll("\\[[^]]*]$", "");
    Object form = binding.getTarget();
    if (form != null
        && !PropertyAccessorFactory.forBeanPropertyAccess(form).isReadableProperty(field)) {
      // about something the form does not show (the record it belongs to): said above the form
      binding.reject(codePrefix + error.code(), error.message());
      return;
    }
    binding.rejectValue(field, codePrefix + error.code(), error.message());
  }
}
