package org.guanxi.crm.customer.internal;

import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' page of custom fields: the list, adding a field, retiring and reactivating
 * one.
 */
@Controller
@RequestMapping("/admin/custom-fields")
class CustomFieldPages {

  /** The add form as typed; options one per line as {@code value | English | 简体 | 繁體}. */
  record NewFieldForm(
      @Nullable String key,
      @Nullable CustomFieldType type,
      @Nullable String labelEn,
      @Nullable String labelZhCn,
      @Nullable String labelZhTw,
      @Nullable Boolean required,
      @Nullable String options) {

    static NewFieldForm empty() {
      return new NewFieldForm("", CustomFieldType.TEXT, "", "", "", false, "");
    }

    CustomFieldDraft draft() {
      List<CustomField.Choice> choices = new ArrayList<>();
      if (options != null) {
        for (String line : options.split("\\R")) {
          if (line.isBlank()) {
            continue;
          }
          String[] parts = line.split("\\|");
          String value = parts[0].strip();
          String en = parts.length > 1 ? parts[1].strip() : value;
          String zhCn = parts.length > 2 ? parts[2].strip() : en;
          String zhTw = parts.length > 3 ? parts[3].strip() : zhCn;
          choices.add(new CustomField.Choice(value, new Labels(en, zhCn, zhTw)));
        }
      }
      return new CustomFieldDraft(
          strip(key),
          type,
          new Labels(strip(labelEn), strip(labelZhCn), strip(labelZhTw)),
          required,
          choices,
          null);
    }

    private static String strip(@Nullable String text) {
      return text == null ? "" : text.strip();
    }
  }

  private final CustomFieldService fields;

  CustomFieldPages(CustomFieldService fields) {
    this.fields = fields;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String list(Model model) {
    return page(model, NewFieldForm.empty(), List.of());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String add(NewFieldForm form, Model model) {
    try {
      fields.add(form.draft());
      return "redirect:/admin/custom-fields";
    } catch (InvalidInput e) {
      return page(model, form, e.errors());
    }
  }

  @PostMapping("/{id}/active")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String setActive(PageChange change, @RequestParam boolean active) {
    CustomField field = fields.get(change.id());
    try {
      fields.change(
          change.id(),
          change.version(),
          new CustomFieldDraft(
              field.key(),
              field.type(),
              field.label(),
              field.required(),
              field.options(),
              field.position()),
          active);
    } catch (StaleVersion e) {
      change.model().addAttribute("conflict", true);
      return page(change.model(), NewFieldForm.empty(), List.of());
    }
    return "redirect:/admin/custom-fields";
  }

  private String page(Model model, NewFieldForm form, List<InvalidInput.FieldError> errors) {
    model.addAttribute("fields", fields.all());
    model.addAttribute("types", CustomFieldType.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "customer/custom-fields";
  }
}
