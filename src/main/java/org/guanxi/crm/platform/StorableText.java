package org.guanxi.crm.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Text PostgreSQL can store: any but the character U+0000 (NUL), which it refuses in every text
 * column. A NUL in a command is the caller's input at fault, found here before anything is saved,
 * rather than an error of the database halfway through (a 500), or a NUL kept unnoticed where text
 * is stored encrypted.
 */
public final class StorableText {

  /** The code of a field that holds a NUL character. */
  public static final String CODE = "invalid-text";

  public static final String MESSAGE =
      "Contains the character U+0000 (NUL), which cannot be stored; remove it";

  private static final int DEEPEST = 16;

  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          for (RecordComponent component : components) {
            component.getAccessor().setAccessible(true);
          }
          return components;
        }
      };

  private StorableText() {}

  public static boolean storable(@Nullable CharSequence text) {
    return text == null || text.chars().noneMatch(c -> c == 0);
  }

  /**
   * The fields of a command (a record, its lists, maps and JSON) whose text holds a NUL, named as
   * the command's other field errors are ({@code lines[0].description}, {@code customFields.note}).
   */
  static List<InvalidInput.FieldError> faults(Object input) {
    List<InvalidInput.FieldError> faults = new ArrayList<>();
    walk("", input, faults, 0);
    return faults;
  }

  /** The same, for some properties of a record only. */
  static List<InvalidInput.FieldError> faults(Object input, String... properties) {
    List<InvalidInput.FieldError> faults = new ArrayList<>();
    if (input instanceof Record) {
      for (RecordComponent component : COMPONENTS.get(input.getClass())) {
        if (List.of(properties).contains(component.getName())) {
          walk(component.getName(), value(component, input), faults, 1);
        }
      }
    }
    return faults;
  }

  private static void walk(
      String path, @Nullable Object value, List<InvalidInput.FieldError> faults, int depth) {
    if (value == null || depth > DEEPEST) {
      return;
    }
    if (value instanceof CharSequence text) {
      if (!storable(text)) {
        faults.add(fault(path));
      }
    } else if (value instanceof Record record) {
      for (RecordComponent component : COMPONENTS.get(record.getClass())) {
        walk(join(path, component.getName()), value(component, record), faults, depth + 1);
      }
    } else if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(path + "[" + index++ + "]", item, faults, depth + 1);
      }
    } else if (value instanceof Map<?, ?> entries) {
      for (var entry : entries.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (storable(key)) {
          walk(join(path, key), entry.getValue(), faults, depth + 1);
        } else {
          faults.add(fault(path));
        }
      }
    } else if (value instanceof Optional<?> optional) {
      walk(path, optional.orElse(null), faults, depth);
    } else if (value instanceof JsonNode node) {
      walkJson(path, node, faults, depth);
    }
    // numbers, dates, ids and choices hold no free text
  }

  private static void walkJson(
      String path, JsonNode node, List<InvalidInput.FieldError> faults, int depth) {
    if (node.isString()) {
      walk(path, node.asString(), faults, depth);
    } else if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        walk(path + "[" + index + "]", node.get(index), faults, depth + 1);
      }
    } else if (node.isObject()) {
      for (var property : node.properties()) {
        if (storable(property.getKey())) {
          walk(join(path, property.getKey()), property.getValue(), faults, depth + 1);
        } else {
          faults.add(fault(path));
        }
      }
    }
  }

  private static InvalidInput.FieldError fault(String path) {
    return new InvalidInput.FieldError(path.isEmpty() ? "body" : path, CODE, MESSAGE);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static @Nullable Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component, e);
    }
  }
}
