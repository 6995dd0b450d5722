package org.guanxi.crm.catalogue.internal;

import java.util.UUID;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The product pages: the catalogue with its search box, and the product form. */
@Controller
@RequestMapping("/products")
class ProductPages {

  private final ProductService products;
  private final CategoryService categories;

  ProductPages(ProductService products, CategoryService categories) {
    this.products = products;
    this.categories = categories;
  }

  /** The filter of the list: the search box. */
  record Filter(@Nullable String q) {}

  /** The list, or its rows ({@code /rows}): the search box and the "more" button fetch these. */
  @GetMapping({"", "/rows"})
  @PreAuthorize("hasAuthority('PRODUCT_READ')")
  String list(ListRows list, Filter filter) {
    ProductStore.Page page = products.list(filter.q(), null, null, list.cursor(), 50);
    return list.show("catalogue/products", filter, page.items(), page.nextCursor());
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  String newProduct(Model model) {
    model.addAttribute("draft", new ProductDraft("", "", null, "", null, null, "CNY", true));
    return form(model, null, null);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  String create(@ModelAttribute("draft") ProductDraft draft, BindingResult binding, Model model) {
    return DraftForm.of(binding, model, "orders.error.")
        .create(
            () -> {
              products.create(draft);
              return "redirect:/products";
            },
            () -> form(model, null, null));
  }

  @GetMapping("/{id}/edit")
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  String edit(@PathVariable UUID id, Model model) {
    Product product = products.get(id);
    model.addAttribute("draft", ProductDraft.of(product));
    return form(model, id, product.version());
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('PRODUCT_WRITE')")
  String update(
      PageChange change, @ModelAttribute("draft") ProductDraft draft, BindingResult binding) {
    return DraftForm.of(binding, change.model(), "orders.error.")
        .update(
            change.version(),
            () -> {
              products.update(change.id(), change.version(), draft);
              return "redirect:/products";
            },
            v -> form(change.model(), change.id(), v),
            StaleVersion::currentVersion);
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "catalogue/product-not-found";
  }

  private String form(Model model, @Nullable UUID id, @Nullable Long version) {
    model.addAttribute("productId", id);
    model.addAttribute("version", version);
    model.addAttribute("categories", categories.all());
    return "catalogue/product-form";
  }
}
