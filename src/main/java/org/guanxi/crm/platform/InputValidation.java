package org.guanxi.crm.platform;

import jakarta.validation.Validator;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation constraints and reports every broken one as {@link
 * InvalidInput}.
 */
@Component
public class InputValidation {

  private final Validator validator;

  InputValidation(Validator validator) {
    this.validator = validator;
  }

  public void check(@Nullable Object input) {
    if (input == null) {
      throw new InvalidInput("body", "required", "The request has no content");
    }
    var violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new InvalidInput(
          violations.stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(
                  v ->
                      new InvalidInput.FieldError(
                          v.getPropertyPath().toString(),
                          v.getConstraintDescriptor()
                              .getAnnotation()
                              .annotationType()
                              .getSimpleName()
                              .toLowerCase(),
                          v.getMessage()))
              .toList());
    }
  }
}
