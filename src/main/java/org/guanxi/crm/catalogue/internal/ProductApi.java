package org.guanxi.crm.catalogue.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The product catalogue with list prices and unit costs")
class ProductApi {

  record ProductList(List<Product> items, @Nullable String nextCursor) {}

  private final ProductService products;

  ProductApi(ProductService products) {
    this.products = products;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Create a product", description = "The code is unique in the workspace.")
  ResponseEntity<Product> create(@Valid @RequestBody ProductDraft draft) {
    Product created = products.create(draft);
    return VersionedResponses.created("/api/v1/products/" + created.id(), created);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(
      summary = "List and search products",
      description = "q matches any part of the code or name. Ordered by code, paged by cursor.")
  ProductList list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID categoryId,
      @RequestParam(required = false) @Nullable Boolean active,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    ProductStore.Page page = products.list(q, categoryId, active, cursor, limit);
    return new ProductList(page.items(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(summary = "Read a product")
  ResponseEntity<Product> get(@PathVariable UUID id) {
    return VersionedResponses.ok(products.get(id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Change a product", description = "A JSON merge patch.")
  ResponseEntity<Product> patch(@PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.applyAt(ProductService.KIND, id, products::get, ProductDraft::of, products::update));
  }
}
