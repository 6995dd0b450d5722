package org.guanxi.crm.opportunities.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;

/**
 * A sales pipeline: the stages a deal goes through, in order, each with the probability a deal gets
 * when it enters it. Won and lost are not stages but how a deal ends.
 */
record Pipeline(
    UUID id, String name, int position, boolean isDefault, List<Stage> stages, long version)
    implements Versioned {

  record Stage(UUID id, String name, int position, int probability) {}

  Optional<Stage> stage(UUID stageId) {
    return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
  }

  Stage firstStage() {
    return stages.get(0);
  }

  PipelineDraft draft() {
    return new PipelineDraft(
        name,
        isDefault,
        stages.stream()
            .map(s -> new PipelineDraft.StageDraft(s.id(), s.name(), s.probability()))
            .toList());
  }
}
