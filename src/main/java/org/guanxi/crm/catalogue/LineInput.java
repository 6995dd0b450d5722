package org.guanxi.crm.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.guanxi.crm.platform.FormFields;
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

  /** What a filled row says, read for the draft of an order or a deal. */
  public record Values(
      @Nullable UUID productId,
      @Nullable String description,
      BigDecimal quantity,
      @Nullable BigDecimal unitPrice,
      @Nullable BigDecimal discountPercent) {}

  /** The rows to show: those given, then blank ones up to {@code count}. */
  public static List<LineInput> padded(List<LineInput> lines, int count) {
    List<LineInput> padded = new ArrayList<>(lines);
    while (padded.size() < count) {
      padded.add(blank());
    }
    return padded;
  }

  /**
   * What the filled rows say, in order, leaving the empty ones out. A field that does not read is
   * refused under its row's name, such as {@code lines[0].quantity}; a product that is not an id,
   * with the form's {@code unknownProductCode} and {@code unknownProductMessage}. A row without a
   * quantity is one piece.
   */
  public static List<Values> filled(
      List<LineInput> lines, String unknownProductCode, String unknownProductMessage) {
    List<Values> filled = new ArrayList<>();
    for (LineInput line : lines) {
      if (!line.isEmpty()) {
        String field = "lines[" + filled.size() + "].";
        filled.add(
            new Values(
                FormFields.id(
                    line.productId, field + "productId", unknownProductCode, unknownProductMessage),
                line.description.isBlank() ? null : line.description,
                Objects.requireNonNullElse(
                    FormFields.decimal(line.quantity, field + "quantity"), BigDecimal.ONE),
                FormFields.decimal(line.unitPrice, field + "unitPrice"),
                FormFields.decimal(line.discountPercent, field + "discountPercent")));
      }
    }
    return filled;
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
