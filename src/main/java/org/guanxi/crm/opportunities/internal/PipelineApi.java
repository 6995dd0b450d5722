package org.guanxi.crm.opportunities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.IfMatch;
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
@RequestMapping("/api/v1/pipelines")
@Tag(
    name = "Pipelines",
    description = "Sales pipelines and their stages, each with a default probability")
class PipelineApi {

  record PipelineList(List<Pipeline> items) {}

  private final PipelineService pipelines;

  PipelineApi(PipelineService pipelines) {
    this.pipelines = pipelines;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(summary = "List the pipelines with their stages, in order")
  PipelineList list() {
    return new PipelineList(pipelines.list());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(summary = "Read a pipeline with its stages")
  ResponseEntity<Pipeline> get(@PathVariable UUID id) {
    return VersionedResponses.ok(pipelines.get(id));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(
      summary = "Create a pipeline",
      description =
          "{\"name\", \"isDefault\", \"stages\": [{\"name\", \"probability\"}]} with at least one stage. Honours Idempotency-Key.")
  ResponseEntity<Pipeline> create(@RequestBody PipelineDraft draft) {
    Pipeline created = pipelines.create(draft);
    return VersionedResponses.created("/api/v1/pipelines/" + created.id(), created);
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(
      summary = "Change a pipeline and its stages",
      description =
          "The stages in their new order: with an id an existing stage, without one a new stage; a stage left out is removed, which a stage that deals are in or went through cannot be (422 stage-in-use).")
  ResponseEntity<Pipeline> update(
      @PathVariable UUID id, IfMatch ifMatch, @RequestBody PipelineDraft draft) {
    return VersionedResponses.ok(pipelines.update(id, ifMatch.version(), draft));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(
      summary = "Delete a pipeline",
      description = "Neither the default pipeline nor one with deals.")
  ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
    pipelines.delete(id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
