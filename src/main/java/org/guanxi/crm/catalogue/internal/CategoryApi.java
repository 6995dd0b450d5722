package org.guanxi.crm.catalogue.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/product-categories")
@Tag(name = "Product categories", description = "Categories of the product catalogue, as a tree")
class CategoryApi {

  record CategoryList(List<Category> items) {}

  private final CategoryService categories;

  CategoryApi(CategoryService categories) {
    this.categories = categories;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Create a category", description = "parentId places it below another.")
  ResponseEntity<Category> create(@Valid @RequestBody Category.Draft draft) {
    Category created = categories.create(draft);
    return VersionedResponses.created("/api/v1/product-categories/" + created.id(), created);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(summary = "All categories, by name")
  CategoryList list() {
    return new CategoryList(categories.all());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(summary = "Read a category")
  ResponseEntity<Category> get(@PathVariable UUID id) {
    return VersionedResponses.ok(categories.get(id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Rename or move a category", description = "Never below itself.")
  ResponseEntity<Category> patch(@PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.applyAt(
            CategoryService.KIND, id, categories::get, Category::draft, categories::update));
  }
}
