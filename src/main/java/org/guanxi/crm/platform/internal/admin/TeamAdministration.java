package org.guanxi.crm.platform.internal.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.Workspaces;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team hierarchy: creating, renaming, moving and deleting teams without ever closing a loop.
 */
@Service
class TeamAdministration {

  static final String KIND = "team";
  static final int MAX_NAME = 100;

  /**
   * A team at its place in the tree.
   *
   * @param subtree the team and every team below it: none of them can become its parent
   */
  record TreeEntry(Team team, int depth, Set<UUID> subtree) {}

  private final TeamStore teams;
  private final Workspaces workspaces;
  private final AdministrationLock lock;

  TeamAdministration(TeamStore teams, Workspaces workspaces, AdministrationLock lock) {
    this.teams = teams;
    this.workspaces = workspaces;
    this.lock = lock;
  }

  /**
   * Every team, depth first: each followed by the teams below it, sisters in the order of their
   * names.
   */
  List<TreeEntry> tree() {
    Map<@Nullable UUID, List<Team>> children = new HashMap<>();
    for (Team team : teams.all()) {
      children.computeIfAbsent(team.parentId(), parent -> new ArrayList<>()).add(team);
    }
    List<TreeEntry> entries = new ArrayList<>();
    for (Team top : children.getOrDefault(null, List.of())) {
      visit(top, 0, children, entries);
    }
    return entries;
  }

  private static void visit(
      Team team, int depth, Map<@Nullable UUID, List<Team>> children, List<TreeEntry> entries) {
    entries.add(new TreeEntry(team, depth, subtree(team, children)));
    for (Team child : children.getOrDefault(team.id(), List.of())) {
      visit(child, depth + 1, children, entries);
    }
  }

  private static Set<UUID> subtree(Team team, Map<@Nullable UUID, List<Team>> children) {
    Set<UUID> ids = new HashSet<>();
    Deque<Team> open = new ArrayDeque<>(List.of(team));
    while (!open.isEmpty()) {
      Team next = open.pop();
      ids.add(next.id());
      open.addAll(children.getOrDefault(next.id(), List.of()));
    }
    return ids;
  }

  Team get(UUID id) {
    return teams.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  @Transactional
  Team create(TeamDraft draft) {
    lock.hold();
    String name = checkName(draft.name());
    if (draft.parentId() != null && teams.find(draft.parentId()).isEmpty()) {
      throw unknownParent();
    }
    return get(workspaces.createTeam(name, draft.parentId()));
  }

  /** Renames and moves a team when {@code expectedVersion} (if given) is still current. */
  @Transactional
  Team update(UUID id, @Nullable Long expectedVersion, TeamDraft draft) {
    lock.hold();
    Team current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    String name = checkName(draft.name());
    UUID parentId = draft.parentId();
    if (parentId != null) {
      if (teams.find(parentId).isEmpty()) {
        throw unknownParent();
      }
      if (teams.isAtOrAbove(id, parentId)) {
        throw new InvalidInput(
            "parentId",
            "team-cycle",
            "A team cannot sit below itself or below one of its own sub-teams");
      }
    }
    StaleVersion.unless(teams.update(id, version, name, parentId), KIND, () -> get(id).version());
    return get(id);
  }

  /**
   * Deletes an empty team: one without members and sub-teams, and that no other record refers to.
   */
  @Transactional
  void delete(UUID id, @Nullable Long expectedVersion) {
    lock.hold();
    Team current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    if (current.memberCount() > 0) {
      throw new InvalidInput(
          "id", "team-has-members", "Move the team's members to another team first");
    }
    if (teams.hasSubTeams(id)) {
      throw new InvalidInput("id", "team-has-sub-teams", "Move or delete the teams below it first");
    }
    try {
      StaleVersion.unless(teams.delete(id, version), KIND, () -> get(id).version());
    } catch (DataIntegrityViolationException e) {
      throw new InvalidInput(
          "id", "team-in-use", "Other records, such as customers, still belong to this team");
    }
  }

  private static String checkName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("name", "required", "A team name is required");
    }
    if (name.strip().length() > MAX_NAME) {
      throw new InvalidInput("name", "too-long", "At most " + MAX_NAME + " characters");
    }
    return name.strip();
  }

  private static InvalidInput unknownParent() {
    return new InvalidInput("parentId", "unknown-team", "No team with this id");
  }
}
