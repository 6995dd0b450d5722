package org.guanxi.crm.opportunities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.WorkspaceCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up pipelines and their stages. Every workspace has one default pipeline, where new deals
 * go unless another is named; it cannot be deleted, and a stage that deals are in or went through
 * cannot be removed.
 */
@Service
class PipelineService {

  static final String KIND = "pipeline";

  /** The pipeline a new workspace starts with: names in Chinese and English, as the head office. */
  static final PipelineDraft DEFAULT =
      new PipelineDraft(
          "销售管道 Sales pipeline",
          true,
          List.of(
              new PipelineDraft.StageDraft(null, "初步接洽 Qualification", 10),
              new PipelineDraft.StageDraft(null, "需求分析 Needs analysis", 30),
              new PipelineDraft.StageDraft(null, "方案报价 Proposal", 60),
              new PipelineDraft.StageDraft(null, "商务谈判 Negotiation", 80)));

  private final PipelineStore store;
  private final InputValidation validation;
  private final Clock clock;

  PipelineService(PipelineStore store, InputValidation validation, Clock clock) {
    this.store = store;
    this.validation = validation;
    this.clock = clock;
  }

  /** A new workspace gets the default pipeline in the transaction that created it. */
  @EventListener
  void on(WorkspaceCreated created) {
    create(DEFAULT);
  }

  List<Pipeline> list() {
    return store.list();
  }

  Pipeline get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /** The pipeline new deals go to unless another is named. */
  Pipeline defaultPipeline() {
    List<Pipeline> all = store.list();
    return all.stream().filter(Pipeline::isDefault).findFirst().orElse(all.get(0));
  }

  @Transactional
  Pipeline create(PipelineDraft draft) {
    validation.check(draft);
    String name = draft.name().strip();
    if (store.nameTaken(name, null)) {
      throw nameTaken();
    }
    UUID id = Ids.newId();
    boolean first = store.list().isEmpty();
    store.insert(id, name, store.nextPosition(), first || draft.makesDefault(), now());
    store.saveStages(id, stages(draft, null));
    return get(id);
  }

  @Transactional
  Pipeline update(UUID id, @Nullable Long expectedVersion, PipelineDraft draft) {
    validation.check(draft);
    Pipeline current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    String name = draft.name().strip();
    if (store.nameTaken(name, id)) {
      throw nameTaken();
    }
    List<Pipeline.Stage> stages = stages(draft, current);
    Set<UUID> kept = new HashSet<>();
    stages.forEach(s -> kept.add(s.id()));
    List<UUID> removed =
        current.stages().stream().map(Pipeline.Stage::id).filter(s -> !kept.contains(s)).toList();
    if (!store.stagesInUse(removed).isEmpty()) {
      throw new InvalidInput(
          "stages",
          "stage-in-use",
          "A stage that deals are in or went through cannot be removed; rename it instead");
    }
    StaleVersion.unless(
        store.update(id, version, name, draft.makesDefault(), now()),
        KIND,
        () -> get(id).version());
    store.deleteStages(removed);
    store.saveStages(id, stages);
    return get(id);
  }

  @Transactional
  void delete(UUID id, @Nullable Long expectedVersion) {
    Pipeline current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    if (current.isDefault()) {
      throw new InvalidInput(
          "isDefault", "default-pipeline", "Make another pipeline the default first");
    }
    if (store.hasOpportunities(id)) {
      throw new InvalidInput(
          "id", "pipeline-in-use", "A pipeline with deals cannot be deleted; move them first");
    }
    StaleVersion.unless(store.delete(id, version), KIND, () -> get(id).version());
  }

  /** The draft's stages numbered in order; ids given must be the pipeline's own stages. */
  private static List<Pipeline.Stage> stages(PipelineDraft draft, @Nullable Pipeline current) {
    List<Pipeline.Stage> stages = new ArrayList<>();
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < draft.stages().size(); i++) {
      PipelineDraft.StageDraft stage = draft.stages().get(i);
      UUID id = stage.id();
      if (id != null && (current == null || current.stage(id).isEmpty() || !seen.add(id))) {
        errors.add(
            new InvalidInput.FieldError(
                "stages[" + i + "].id", "unknown-stage", "This pipeline has no such stage"));
        continue;
      }
      if (!names.add(stage.name().strip().toLowerCase())) {
        errors.add(
            new InvalidInput.FieldError(
                "stages[" + i + "].name", "duplicate-stage", "Two stages have this name"));
        continue;
      }
      stages.add(
          new Pipeline.Stage(
              id == null ? Ids.newId() : id, stage.name().strip(), i + 1, stage.probability()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return stages;
  }

  private static InvalidInput nameTaken() {
    return new InvalidInput("name", "name-taken", "Another pipeline has this name");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
