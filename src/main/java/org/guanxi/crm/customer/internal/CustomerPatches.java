package org.guanxi.crm.customer.internal;

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

/** Applies a JSON merge patch (RFC 7396, one level) to a customer's fields. */
@Component
class CustomerPatches {

  private static final Set<String> FIELDS =
      Arrays.stream(CustomerDraft.class.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());

  private final JsonMapper json;

  CustomerPatches(JsonMapper json) {
    this.json = json;
  }

  /** Custom-field values merge key by key, as RFC 7396 merges nested objects: null removes a value. */
  private JsonNode mergeValues(JsonNode current, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.isNull() ? json.createObjectNode() : patch;
    }
    ObjectNode merged = current != null && current.isObject() ? ((ObjectNode) current).deepCopy() : json.createObjectNode();
    for (var value : patch.properties()) {
      if (value.getValue().isNull()) {
        merged.remove(value.getKey());
      } else {
        merged.set(value.getKey(), value.getValue());
      }
    }
    return merged;
  }

  CustomerDraft apply(CustomerDraft current, JsonNode patch) {
    if (!patch.isObject()) {
      throw new InvalidInput("body", "not-an-object", "A patch is a JSON object of the fields to change");
    }
    ObjectNode merged = json.valueToTree(current);
    for (var field : patch.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        throw new InvalidInput(field.getKey(), "unknown-field", "Customers have no field of this name");
      }
      if (field.getKey().equals("customFields")) {
        merged.set("customFields", mergeValues(merged.get("customFields"), field.getValue()));
      } else {
        merged.set(field.getKey(), field.getValue());
      }
    }
    try {
      return json.treeToValue(merged, CustomerDraft.class);
    } catch (DatabindException e) {
      String field = e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().get(0).getPropertyName());
      throw new InvalidInput(field, "invalid-value", "This value does not fit the field");
    } catch (JacksonException e) {
      throw new InvalidInput("body", "invalid-value", "The patch does not fit a customer");
    }
  }
}
