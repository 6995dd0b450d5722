package org.guanxi.crm.catalogue.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
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
@RequestMapping("/api/v1/price-lists")
@Tag(
    name = "Price lists",
    description =
        "Prices for a customer group: a classification (KEY_ACCOUNT, ORDINARY) or a customer tag")
class PriceListApi {

  record PriceListList(List<PriceList> items) {}

  record PriceListView(PriceList priceList, List<PriceList.Price> prices) {}

  private final PriceListService priceLists;

  PriceListApi(PriceListService priceLists) {
    this.priceLists = priceLists;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Create a price list for a customer group")
  ResponseEntity<PriceList> create(@Valid @RequestBody PriceList.Draft draft) {
    PriceList created = priceLists.create(draft);
    return VersionedResponses.created("/api/v1/price-lists/" + created.id(), created);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(summary = "All price lists, by name")
  PriceListList list() {
    return new PriceListList(priceLists.all());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(summary = "Read a price list")
  ResponseEntity<PriceList> get(@PathVariable UUID id) {
    return VersionedResponses.ok(priceLists.get(id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Change a price list")
  ResponseEntity<PriceList> patch(@PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.applyAt(
            PriceListService.KIND, id, priceLists::get, PriceList::draft, priceLists::update));
  }

  @GetMapping("/{id}/prices")
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  @Operation(summary = "The prices of a price list, by product code")
  ResponseEntity<PriceListView> prices(@PathVariable UUID id) {
    PriceList list = priceLists.get(id);
    return VersionedResponses.ok(new PriceListView(list, priceLists.prices(id)), list.version());
  }

  @PutMapping("/{id}/prices/{productId}")
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(
      summary = "Set a product's price in the list",
      description = "A new version of the list; If-Match carries the list's ETag.")
  ResponseEntity<PriceList> setPrice(
      @PathVariable UUID id,
      @PathVariable UUID productId,
      IfMatch ifMatch,
      @Valid @RequestBody PriceList.PriceInput input) {
    return VersionedResponses.ok(priceLists.setPrice(id, productId, ifMatch.version(), input));
  }

  @DeleteMapping("/{id}/prices/{productId}")
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  @Operation(summary = "Remove a product's price from the list")
  ResponseEntity<PriceList> removePrice(
      @PathVariable UUID id, @PathVariable UUID productId, IfMatch ifMatch) {
    return VersionedResponses.ok(priceLists.removePrice(id, productId, ifMatch.version()));
  }
}
