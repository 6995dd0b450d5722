package org.guanxi.crm.platform.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(
    name = "Teams",
    description =
        "The team hierarchy that managers see their teams' customers by (administrators only)")
class TeamApi {

  record TeamList(List<Team> items) {}

  private final TeamAdministration teams;

  TeamApi(TeamAdministration teams) {
    this.teams = teams;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "List all teams",
      description = "Depth first: each team is followed by the teams below it.")
  TeamList list() {
    return new TeamList(teams.tree().stream().map(TeamAdministration.TreeEntry::team).toList());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Create a team", description = "Without parentId the team sits at the top.")
  ResponseEntity<Team> create(@RequestBody TeamDraft draft) {
    Team created = teams.create(draft);
    return VersionedResponses.created("/api/v1/teams/" + created.id(), created);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Read a team")
  ResponseEntity<Team> get(@PathVariable UUID id) {
    return VersionedResponses.ok(teams.get(id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Rename or move a team",
      description =
          "A JSON merge patch of name and parentId. A team cannot move below itself or its own sub-teams (422).")
  ResponseEntity<Team> patch(@PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(patch.apply(id, teams::get, Team::draft, teams::update));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Delete an empty team",
      description = "A team with members or sub-teams is refused (422).")
  ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
    teams.delete(id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
