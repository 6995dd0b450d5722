package org.guanxi.crm.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation constraints, and that its text can be stored ({@link
 * StorableText}), and reports every broken one as {@link InvalidInput}.
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
    report(validator.validate(input), StorableText.faults(input));
  }

  /** Checks the constraints of some properties of the input only. */
  public void checkProperties(Object input, String... properties) {
    Set<ConstraintViolation<Object>> violations = new HashSet<>();
    for (String property : properties) {
      violations.addAll(validator.validateProperty(input, property));
    }
    report(violations, StorableText.faults(input, properties));
  }

  /**
   * The field a broken constraint is about, as clients name it: an element of a list or a value of
   * a map by its index or key ({@code tags[1]}, {@code customFields[size]}), without the
   * validator's node names ({@code tags[1].<list element>}).
   */
  static String field(String propertyPath) {
    return propertyPath.replaceAll("\\.<[a-z ]+>", "");
  }

  /** Every broken constraint and every field whose text cannot be stored, in field order. */
  private static void report(
      Set<? extends ConstraintViolation<?>> violations, List<InvalidInput.FieldError> unstorable) {
    if (!violations.isEmpty() || !unstorable.isEmpty()) {
      throw new InvalidInput(
          Stream.concat(
                  violations.stream()
                      .map(
                          v ->
                              new InvalidInput.FieldError(
                                  field(v.getPropertyPath().toString()),
                                  v.getConstraintDescriptor()
                                      .getAnnotation()
                                      .annotationType()
                                      .getSimpleName()
                                      .toLowerCase(),
                                  v.getMessage())),
                  unstorable.stream())
              .sorted(Comparator.comparing(InvalidInput.FieldError::field))
              .toList());
    }
  }
}
