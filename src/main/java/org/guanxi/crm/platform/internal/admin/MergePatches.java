package org.guanxi.crm.platform.internal.admin;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.guanxi.crm.platform.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Applies a JSON merge patch (RFC 7396, one level) to the changeable fields of a record. */
@Component
class MergePatches {

  private final JsonMapper json;

  MergePatches(JsonMapper json) {
    this.json = json;
  }

  <T extends Record> T apply(T current, JsonNode patch) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) current.getClass();
    if (!patch.isObject()) {
      throw new InvalidInput("body", "not-an-object", "A patch is a JSON object of the fields to change");
    }
    Set<String> fields = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    ObjectNode merged = json.valueToTree(current);
    for (var field : patch.properties()) {
      if (!fields.contains(field.getKey())) {
        throw new InvalidInput(field.getKey(), "unknown-field", "This field does not exist or cannot be changed");
      }
      merged.set(field.getKey(), field.getValue());
    }
    try {
      return json.treeToValue(merged, type);
    } catch (DatabindException e) {
      String field = e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().get(0).getPropertyName());
      throw new InvalidInput(field, "invalid-value", "This value does not fit the field");
    } catch (JacksonException e) {
      throw new InvalidInput("body", "invalid-value", "The patch does not fit the record");
    }
  }
}
