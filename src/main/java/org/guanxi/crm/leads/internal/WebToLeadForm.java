package org.guanxi.crm.leads.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public web-to-lead form, without sign-in: anyone with the form's key may see and submit it.
 * The key names the workspace (through a security definer function); everything after that runs
 * inside that workspace. Spam is held off by a honeypot field, a rate limit per client address,
 * field length limits and a limit on the whole request.
 */
@Controller
@RequestMapping("/forms/leads/{formKey}")
class WebToLeadForm {

  static final String SOURCE = "web form";

  /** A field people do not see; software that fills in every field fills it. */
  static final String HONEYPOT = "website";

  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final LeadFormStore forms;
  private final LeadService leads;
  private final WebToLeadThrottle throttle;

  WebToLeadForm(LeadFormStore forms, LeadService leads, WebToLeadThrottle throttle) {
    this.forms = forms;
    this.leads = leads;
    this.throttle = throttle;
  }

  @GetMapping
  @PreAuthorize("permitAll()")
  String show(@PathVariable String formKey, Model model, HttpServletResponse response) {
    Optional<UUID> workspace = workspaceOf(formKey);
    if (workspace.isEmpty()) {
      return refused(response, model, HttpStatus.NOT_FOUND, "webForm.notFound");
    }
    return WorkspaceContext.callIn(
        workspace.get(),
        () -> {
          LeadFormSettings settings = forms.find().orElseThrow();
          return form(model, settings, Map.of(), Map.of());
        });
  }

  @PostMapping
  @PreAuthorize("permitAll()")
  String submit(
      @PathVariable String formKey,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<UUID> workspace = workspaceOf(formKey);
    if (workspace.isEmpty()) {
      return refused(response, model, HttpStatus.NOT_FOUND, "webForm.notFound");
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES
        || parameterBytes(request) > MAX_BODY_BYTES) {
      return refused(response, model, HttpStatus.PAYLOAD_TOO_LARGE, "webForm.tooLarge");
    }
    return WorkspaceContext.callIn(
        workspace.get(),
        () -> {
          LeadFormSettings settings = forms.find().orElseThrow();
          if (throttle.overLimit(request.getRemoteAddr())) {
            return refused(response, model, HttpStatus.TOO_MANY_REQUESTS, "webForm.tooMany");
          }
          if (!blank(request.getParameter(HONEYPOT))) {
            return thanks(model, settings);
          }
          Map<String, String> values = values(request, settings);
          try {
            if (blank(values.get("name"))) {
              throw new InvalidInput("name", "required", "Please give your name");
            }
            leads.createAssigned(
                draft(values), settings.defaultOwnerId(), settings.defaultTeamId());
          } catch (InvalidInput e) {
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), "error." + error.code()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, settings, values, errors);
          }
          return thanks(model, settings);
        });
  }

  private Optional<UUID> workspaceOf(String formKey) {
    return KEY.matcher(formKey).matches() ? forms.workspaceOf(formKey) : Optional.empty();
  }

  /** The fields the form asks, as submitted; others are ignored. */
  private static Map<String, String> values(HttpServletRequest request, LeadFormSettings settings) {
    Map<String, String> values = new HashMap<>();
    put(values, "name", request);
    for (LeadFormField field : settings.fields()) {
      put(values, field.name().toLowerCase(java.util.Locale.ROOT), request);
    }
    return values;
  }

  private static void put(Map<String, String> values, String name, HttpServletRequest request) {
    String value = request.getParameter(name);
    if (value != null) {
      values.put(name, value);
    }
  }

  private static LeadDraft draft(Map<String, String> values) {
    return new LeadDraft(
        values.get("name"),
        values.get("company"),
        values.get("title"),
        values.get("phone"),
        values.get("email"),
        SOURCE,
        values.get("city"),
        values.get("industry"),
        values.get("message"),
        null,
        null);
  }

  private static long parameterBytes(HttpServletRequest request) {
    long total = 0;
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      total += parameter.getKey().length();
      for (String value : parameter.getValue()) {
        total += value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      }
    }
    return total;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static String form(
      Model model,
      LeadFormSettings settings,
      Map<String, String> values,
      Map<String, String> errors) {
    model.addAttribute("settings", settings);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    return "forms/lead";
  }

  private static String thanks(Model model, LeadFormSettings settings) {
    model.addAttribute("settings", settings);
    return "forms/lead-thanks";
  }

  private static String refused(
      HttpServletResponse response, Model model, HttpStatus status, String messageKey) {
    response.setStatus(status.value());
    model.addAttribute("messageKey", messageKey);
    return "forms/lead-refused";
  }
}
