package org.guanxi.crm.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a form field that carries JSON, such as the column mapping or the options sent with an
 * uploaded file: an absent or blank field is the default, and one that does not read as the
 * expected shape (not JSON, another type, an unknown property) is {@link InvalidInput} naming the
 * field, with the code {@code invalid-<field>}.
 */
@Component
public class JsonFormFields {

  private final JsonMapper json;

  JsonFormFields(JsonMapper json) {
    this.json = json;
  }

  /**
   * @param expected what the field holds, for the caller who sent something else
   */
  public <T> T read(
      String field, @Nullable String value, TypeReference<T> type, T absent, String expected) {
    return read(field, value, json.readerFor(type), absent, expected);
  }

  public <T> T read(
      String field, @Nullable String value, Class<T> type, T absent, String expected) {
    return read(field, value, json.readerFor(type), absent, expected);
  }

  private static <T> T read(
      String field, @Nullable String value, ObjectReader reader, T absent, String expected) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      return reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(value);
    } catch (JacksonException e) {
      throw new InvalidInput(field, "invalid-" + field, expected);
    }
  }
}
