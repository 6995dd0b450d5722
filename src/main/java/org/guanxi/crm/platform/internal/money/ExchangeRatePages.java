package org.guanxi.crm.platform.internal.money;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The exchange rates page: the base currency (administrators choose it), the rates by currency with
 * a form for a new one, a page per rate to change or delete it, and the import of a CSV file.
 * Refused input is shown at its form, with what was typed still in place.
 */
@Controller
@RequestMapping("/admin/exchange-rates")
class ExchangeRatePages {

  /** The input of choosing the base currency on the page. */
  record BaseForm(@Nullable String currency) {}

  private static final int PAGE = 100;

  /** The fields of the page's forms; an error of another (such as the body) is the form's. */
  private static final List<String> FIELDS = List.of("currency", "validFrom", "rate");

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

  private final ExchangeRateAdministration rates;
  private final Clock clock;

  ExchangeRatePages(ExchangeRateAdministration rates, Clock clock) {
    this.rates = rates;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize("hasAnyAuthority('EXCHANGE_RATE_WRITE', 'ADMINISTRATION')")
  String list(@RequestParam(required = false) @Nullable String cursor, Model model) {
    model.addAttribute("rateForm", new ExchangeRateDraft(null, today(), null));
    return page(model, cursor);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  String create(
      @ModelAttribute("rateForm") ExchangeRateDraft draft,
      BindingResult binding,
      Model model,
      HttpServletResponse response) {
    if (!binding.hasErrors()) {
      try {
        rates.create(draft);
        return "redirect:/admin/exchange-rates?created";
      } catch (InvalidInput e) {
        reject(binding, e);
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return page(model, null);
  }

  @PostMapping("/base-currency")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String changeBase(
      @ModelAttribute("baseForm") BaseForm form,
      BindingResult binding,
      @RequestParam long version,
      Model model,
      HttpServletResponse response) {
    try {
      rates.changeBase(form.currency(), version);
      return "redirect:/admin/exchange-rates?baseChanged";
    } catch (InvalidInput e) {
      reject(binding, e);
    } catch (StaleVersion e) {
      model.addAttribute("baseConflict", true);
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("rateForm", new ExchangeRateDraft(null, today(), null));
    return page(model, null);
  }

  @PostMapping("/import")
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  String importFile(
      @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response)
      throws IOException {
    try {
      ExchangeRateStore.Imported imported = rates.importFile(file.getBytes());
      return "redirect:/admin/exchange-rates?imported="
          + (imported.created() + imported.changed() + imported.unchanged());
    } catch (ExchangeRateFile.Refused e) {
      model.addAttribute("importProblems", e.problems());
    } catch (InvalidInput e) {
      model.addAttribute("importErrors", e.errors());
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("rateForm", new ExchangeRateDraft(null, today(), null));
    return page(model, null);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  String edit(@PathVariable UUID id, Model model) {
    ExchangeRate rate = rates.get(id);
    model.addAttribute("rateForm", rate.draft());
    return form(model, rate, rate.version());
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  String update(
      PageChange change,
      @ModelAttribute("rateForm") ExchangeRateDraft draft,
      BindingResult binding,
      HttpServletResponse response) {
    UUID id = change.id();
    long version = change.version();
    Model model = change.model();
    ExchangeRate current = rates.get(id);
    if (!binding.hasErrors()) {
      try {
        rates.update(id, version, draft);
        return "redirect:/admin/exchange-rates?saved";
      } catch (InvalidInput e) {
        reject(binding, e);
      } catch (StaleVersion e) {
        // what was typed stays, with the version the user has now been warned about
        model.addAttribute("conflict", true);
        response.setStatus(HttpStatus.CONFLICT.value());
        return form(model, current, e.currentVersion());
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    return form(model, current, version);
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  String delete(PageChange change, HttpServletResponse response) {
    try {
      rates.delete(change.id(), change.version());
      return "redirect:/admin/exchange-rates?deleted";
    } catch (StaleVersion e) {
      ExchangeRate current = rates.get(change.id());
      change.model().addAttribute("rateForm", current.draft());
      change.model().addAttribute("conflict", true);
      response.setStatus(HttpStatus.CONFLICT.value());
      return form(change.model(), current, current.version());
    }
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "admin/not-found";
  }

  /** An import sent without a file (or not as a form with a file): back to the page. */
  @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
  String noFile() {
    return "redirect:/admin/exchange-rates";
  }

  private String page(Model model, @Nullable String cursor) {
    ExchangeRateStore.Page page = rates.list(null, cursor, PAGE);
    BaseCurrency base = rates.base();
    model.addAttribute("base", base);
    if (!model.containsAttribute("baseForm")) {
      model.addAttribute("baseForm", new BaseForm(base.currency()));
    }
    model.addAttribute("rates", page.items());
    model.addAttribute("nextCursor", page.nextCursor());
    model.addAttribute("maxLines", ExchangeRateFile.MAX_LINES);
    return "admin/exchange-rates";
  }

  private static String form(Model model, ExchangeRate rate, long version) {
    model.addAttribute("rate", rate);
    model.addAttribute("version", version);
    return "admin/exchange-rate";
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(BUSINESS_ZONE));
  }

  private static void reject(BindingResult binding, InvalidInput e) {
    for (InvalidInput.FieldError error : e.errors()) {
      if (FIELDS.contains(error.field())) {
        binding.rejectValue(error.field(), "money.error." + error.code(), error.message());
      } else {
        binding.reject("money.error." + error.code(), error.message());
      }
    }
  }
}
