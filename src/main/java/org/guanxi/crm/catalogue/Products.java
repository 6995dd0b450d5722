package org.guanxi.crm.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The product catalogue for other modules: what order and deal forms offer, and what imports name.
 */
public interface Products {

  /** The products still sold, by name, at most {@code limit}: the choices of a line on a form. */
  List<Product> forSale(int limit);

  /** A product as an import settles its lines with: found by its code whatever its case. */
  record Coded(UUID id, String codeKey, String name, BigDecimal unitCost, String currency) {}

  /** A product an import creates from the first line that names its code. */
  record NewProduct(
      UUID id,
      String code,
      String name,
      String unit,
      BigDecimal listPrice,
      BigDecimal unitCost,
      String currency) {}

  /** The products with these code keys (codes in lower case), by code key, with one query. */
  Map<String, Coded> byCodeKeys(Collection<String> codeKeys);

  /**
   * Adds products with one statement, active and in no category; a code another product took
   * meanwhile is skipped. Answers the ids of the products added.
   */
  Set<UUID> addAll(List<NewProduct> products, Instant now);
}
