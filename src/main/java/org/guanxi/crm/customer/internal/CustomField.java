package org.guanxi.crm.customer.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;

/**
 * A field an administrator added to customers. Its values are kept with the customer under {@link
 * #key}.
 *
 * @param options the allowed values of a {@link CustomFieldType#CHOICE} field
 */
record CustomField(
    UUID id,
    String key,
    CustomFieldType type,
    Labels label,
    boolean required,
    List<Choice> options,
    int position,
    boolean active,
    long version)
    implements Versioned {

  /** One allowed value of a choice field and how it is shown. */
  record Choice(@NotBlank @Size(max = 60) String value, @Valid Labels label) {}

  /** The field's definition as it is, to change from. */
  CustomFieldDraft draft() {
    return new CustomFieldDraft(key, type, label, required, options, position);
  }

  public String label(Locale locale) {
    return label.in(locale);
  }

  public String optionLabel(String value, Locale locale) {
    return options.stream()
        .filter(o -> o.value().equals(value))
        .map(o -> o.label().in(locale))
        .findFirst()
        .orElse(value);
  }
}
