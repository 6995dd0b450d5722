package org.guanxi.crm.platform;

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
      binding.rejectValue(error.field(), codePrefix + error.code(), error.message());
    }
  }
}
