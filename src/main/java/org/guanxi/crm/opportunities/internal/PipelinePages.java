package org.guanxi.crm.opportunities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Pipeline settings: the pipelines with their stages, and a form per pipeline where stages are
 * renamed, reordered, given probabilities, added and removed.
 */
@Controller
@RequestMapping("/settings/pipelines")
class PipelinePages {

  /** How many empty stage rows the form offers for new stages. */
  static final int EMPTY_ROWS = 3;

  /** A stage row as typed. */
  record StageRow(String id, String name, String probability) {}

  private final PipelineService pipelines;

  PipelinePages(PipelineService pipelines) {
    this.pipelines = pipelines;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String list(Model model) {
    model.addAttribute("pipelines", pipelines.list());
    return "opportunities/pipelines";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String newPipeline(Model model) {
    return form(model, null, null, "", false, rows(List.of()));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "false") boolean isDefault,
      @RequestParam MultiValueMap<String, String> input,
      Model model) {
    List<StageRow> rows = typed(input);
    try {
      pipelines.create(new PipelineDraft(name, isDefault, stages(rows)));
      return "redirect:/settings/pipelines";
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
      return form(model, null, null, name, isDefault, rows);
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String edit(@PathVariable UUID id, Model model) {
    Pipeline pipeline = pipelines.get(id);
    return form(
        model,
        id,
        pipeline.version(),
        pipeline.name(),
        pipeline.isDefault(),
        rows(
            pipeline.stages().stream()
                .map(
                    s -> new StageRow(s.id().toString(), s.name(), String.valueOf(s.probability())))
                .toList()));
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String update(
      PageChange change,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "false") boolean isDefault,
      @RequestParam MultiValueMap<String, String> input) {
    UUID id = change.id();
    Model model = change.model();
    List<StageRow> rows = typed(input);
    try {
      pipelines.update(id, change.version(), new PipelineDraft(name, isDefault, stages(rows)));
      return "redirect:/settings/pipelines";
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
      return form(model, id, change.version(), name, isDefault, rows);
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
      return form(model, id, pipelines.get(id).version(), name, isDefault, rows);
    }
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String delete(PageChange change) {
    return change.make(
        () -> {
          pipelines.delete(change.id(), change.version());
          return "redirect:/settings/pipelines";
        },
        () -> edit(change.id(), change.model()));
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "opportunities/opportunity-not-found";
  }

  private String form(
      Model model,
      @Nullable UUID id,
      @Nullable Long version,
      String name,
      boolean isDefault,
      List<StageRow> rows) {
    model.addAttribute("pipelineId", id);
    model.addAttribute("version", version);
    model.addAttribute("name", name);
    model.addAttribute("isDefault", isDefault);
    model.addAttribute("rows", rows);
    return "opportunities/pipeline-form";
  }

  private static List<StageRow> rows(List<StageRow> stages) {
    List<StageRow> rows = new ArrayList<>(stages);
    for (int i = 0; i < EMPTY_ROWS; i++) {
      rows.add(new StageRow("", "", ""));
    }
    return rows;
  }

  private static List<StageRow> typed(MultiValueMap<String, String> input) {
    List<String> ids = input.getOrDefault("stageId", List.of());
    List<String> names = input.getOrDefault("stageName", List.of());
    List<String> probabilities = input.getOrDefault("stageProbability", List.of());
    List<StageRow> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rows.add(
          new StageRow(
              i < ids.size() ? ids.get(i) : "",
              names.get(i),
              i < probabilities.size() ? probabilities.get(i) : ""));
    }
    return rows;
  }

  /** The stages of the typed rows; a row with an empty name is left out (its stage removed). */
  private static List<PipelineDraft.StageDraft> stages(List<StageRow> rows) {
    List<PipelineDraft.StageDraft> stages = new ArrayList<>();
    for (StageRow row : rows) {
      if (row.name().isBlank()) {
        continue;
      }
      String field = "stages[" + stages.size() + "]";
      UUID id = FormFields.id(row.id(), field + ".id", "unknown-stage", "There is no such stage");
      Integer probability = FormFields.integer(row.probability(), field + ".probability");
      stages.add(new PipelineDraft.StageDraft(id, row.name(), probability));
    }
    return stages;
  }
}
