package org.guanxi.crm.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * A change a module's rules refuse, such as converting a lead twice. Every API answers it as
 * problem+json the way its {@link Refusal} says, with the one property that says what stood in the
 * way, if any; pages catch it and say so in their own words.
 */
public abstract class Refused extends RuntimeException {

  private final @Nullable String property;
  private final @Nullable Object value;

  protected Refused(String message) {
    this(message, null, null);
  }

  /**
   * A refusal whose problem carries {@code value} as {@code property}, such as the plan in the way.
   */
  protected Refused(String message, @Nullable String property, @Nullable Object value) {
    super(message);
    this.property = property;
    this.value = value;
  }

  /** The problem+json of this refusal. */
  public ProblemDetail problem() {
    Refusal refusal = getClass().getAnnotation(Refusal.class);
    if (refusal == null) {
      throw new IllegalStateException(getClass().getName() + " does not say its @Refusal", this);
    }
    String detail = String.valueOf(getMessage());
    return property == null
        ? Problems.of(refusal.status(), refusal.code(), refusal.title(), detail)
        : Problems.of(refusal.status(), refusal.code(), refusal.title(), detail, property, value);
  }
}
