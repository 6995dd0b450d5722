package org.guanxi.crm.platform;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396) to a record of the fields a caller may change: only those
 * fields, and objects inside them (such as custom-field values) merged key by key, where null
 * removes a key.
 */
@Component
public class MergePatches {

  private final JsonMapper json;

  MergePatches(JsonMapper json) {
    this.json = json;
  }

  public <T extends Record> T apply(T current, JsonNode patch) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) current.getClass();
    if (!patch.isObject()) {
      throw new InvalidInput(
          "body", "not-an-object", "A patch is a JSON object of the fields to change");
    }
    Set<String> fields =
        Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    ObjectNode merged = json.valueToTree(current);
    for (var field : patch.properties()) {
      if (!fields.contains(field.getKey())) {
        throw new InvalidInput(
            field.getKey(), "unknown-field", "This field does not exist or cannot be changed");
      }
      merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue()));
    }
    try {
      return json.treeToValue(merged, type);
    } catch (DatabindException e) {
      String field =
          e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().get(0).getPropertyName());
      throw new InvalidInput(field, "invalid-value", "This value does not fit the field");
    } catch (JacksonException e) {
      throw new InvalidInput("body", "invalid-value", "The patch does not fit the record");
    }
  }

  /** The patch sent to change a record at the version {@code ifMatch} names. */
  public VersionedPatch at(IfMatch ifMatch, JsonNode patch) {
    return new VersionedPatch(ifMatch, patch, this);
  }

  private JsonNode merge(JsonNode current, JsonNode patch) {
    if (!patch.isObject() || current == null || !current.isObject()) {
      return patch.isObject() ? merge(json.createObjectNode(), patch) : patch;
    }
    ObjectNode merged = ((ObjectNode) current).deepCopy();
    for (var value : patch.properties()) {
      if (value.getValue().isNull()) {
        merged.remove(value.getKey());
      } else {
        merged.set(value.getKey(), merge(merged.get(value.getKey()), value.getValue()));
      }
    }
    return merged;
  }
}
