package org.guanxi.crm.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** A product of the catalogue, with its list price and what a unit costs the company. */
public record Product(
    UUID id,
    String code,
    String name,
    @Nullable UUID categoryId,
    @Nullable String categoryName,
    String unit,
    BigDecimal listPrice,
    BigDecimal unitCost,
    String currency,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {}
