package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Custom fields", description = "Fields administrators add to customers")
class CustomFieldApi {

  record CustomFieldList(List<CustomField> items) {}

  /**
   * A change to a field; {@code active=false} retires it (its values stay with the customers,
   * hidden).
   */
  record CustomFieldChange(@NotNull @Valid CustomFieldDraft field, @Nullable Boolean active) {}

  private final CustomFieldService fields;

  CustomFieldApi(CustomFieldService fields) {
    this.fields = fields;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(summary = "The custom fields of customers, in display order, retired ones included")
  CustomFieldList list() {
    return new CustomFieldList(fields.all());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Add a custom field",
      description = "Types: TEXT, NUMBER, MONEY, DATE, BOOLEAN, CHOICE (with options).")
  ResponseEntity<CustomField> add(@Valid @RequestBody CustomFieldDraft draft) {
    CustomField field = fields.add(draft);
    return VersionedResponses.created("/api/v1/custom-fields/" + field.id(), field);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(summary = "Read a custom field")
  ResponseEntity<CustomField> get(@PathVariable UUID id) {
    return VersionedResponses.ok(fields.get(id));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary =
          "Change a custom field's labels, options, order, whether it is required, or retire it")
  ResponseEntity<CustomField> change(
      @PathVariable UUID id, IfMatch ifMatch, @Valid @RequestBody CustomFieldChange change) {
    return VersionedResponses.ok(
        fields.change(
            id, ifMatch.version(), change.field(), !Boolean.FALSE.equals(change.active())));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Retire a custom field",
      description = "Its values stay with the customers and come back if it is reactivated.")
  ResponseEntity<Void> retire(@PathVariable UUID id) {
    CustomField field = fields.get(id);
    fields.change(id, field.version(), field.draft(), false);
    return ResponseEntity.noContent().build();
  }
}
