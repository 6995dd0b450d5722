package org.guanxi.crm.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * One product row of an order or deal form as typed, kept to show it again when the form is
 * refused.
 */
public record LineInput(
    String productId,
    String description,
    String quantity,
    String unitPrice,
    String discountPercent) {

  private static final List<String> COLUMNS =
      List.of("productId", "description", "quantity", "unitPrice", "discountPercent");

  /** A blank row for the form to offer. */
  public static LineInput blank() {
    return new LineInput("", "", "1", "", "");
  }

  /**
   * The rows of a submitted form: each column comes as a repeated parameter, read as typed (a
   * single "1,200" is not split).
   */
  public static List<LineInput> typed(MultiValueMap<String, String> form) {
    int count =
        COLUMNS.stream()
            .mapToInt(name -> form.getOrDefault(name, List.of()).size())
            .max()
            .orElse(0);
    List<LineInput> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(
          new LineInput(
              at(form.get("productId"), i),
              at(form.get("description"), i),
              at(form.get("quantity"), i),
              at(form.get("unitPrice"), i),
              at(form.get("discountPercent"), i)));
    }
    return lines;
  }

  public boolean isEmpty() {
    return productId.isBlank() && description.isBlank() && unitPrice.isBlank();
  }

  private static String at(@Nullable List<String> values, int i) {
    return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
  }
}
