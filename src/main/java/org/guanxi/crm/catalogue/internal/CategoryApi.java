package org.guanxi.crm.catalogue.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.ETags;
import org.guanxi.crm.platform.MergePatches;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/product-categories")
@Tag(name = "Product categories", description = "Categories of the product catalogue, as a tree")
class CategoryApi {

  record CategoryList(List<Category> items) {}

  private final CategoryService categories;
  private final MergePatches patches;

  CategoryApi(CategoryService categories, MergePatches patches) {
    this.categories = categories;
    this.patches = patches;
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
  @Operation(
      summary = "Rename or move a category",
      description = "Send If-Match; never below itself.")
  ResponseEntity<Category> patch(
      @PathVariable UUID id,
      @RequestHeader("If-Match") String ifMatch,
      @RequestBody JsonNode patch) {
    long expected = ETags.version(ifMatch);
    Category current = categories.get(id);
    Category.Draft changed =
        patches.applyAt(expected, current, CategoryService.KIND, current.draft(), patch);
    return VersionedResponses.ok(categories.update(id, expected, changed));
  }
}
