package org.guanxi.crm.platform;

import java.util.List;

/** Input that breaks a rule, with the fields at fault; nothing was saved. */
public class InvalidInput extends RuntimeException {

  /**
   * @param code a stable code for the broken rule, such as {@code required} or {@code
   *     invalid-phone}
   */
  public record FieldError(String field, String code, String message) {}

  private final List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(
        errors.isEmpty()
            ? "Invalid input"
            : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public InvalidInput(String field, String code, String message) {
    this(List.of(new FieldError(field, code, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
