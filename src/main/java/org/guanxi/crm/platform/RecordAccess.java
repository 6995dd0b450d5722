package org.guanxi.crm.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The one rule of who sees which records, as a condition for a module's own queries. A sales rep
 * sees what they own and what is shared with them; a manager also what the members of the team (and
 * the teams below it) own, the members as they are now, so that records follow their owner to
 * another team, and what those teams hold; the roles that serve everyone see the whole workspace.
 * Row-level security keeps every workspace apart underneath, whatever the condition.
 *
 * <p>The parameters of a condition are named {@code viewer…}; a query adds its own.
 */
public final class RecordAccess {

  private RecordAccess() {}

  /** A SQL condition and its named parameters, to be joined into a query with {@code and}. */
  public record Condition(String sql, Map<String, Object> params) {

    public static final Condition ALL = new Condition("true", Map.of());

    /** This condition and another, their parameters together (the names must not clash). */
    public Condition and(Condition other) {
      Map<String, Object> both = new HashMap<>(params);
      both.putAll(other.params);
      return new Condition("(" + sql + ") and (" + other.sql + ")", both);
    }
  }

  /** The rows of a table held as {@code holding} says that the user may see. */
  public static Condition visible(CurrentUser user, Holding holding) {
    if (user.scope() == RecordScope.WORKSPACE) {
      return Condition.ALL;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("viewer", user.id());
    StringBuilder sql = new StringBuilder("(").append(holding.ownerColumn()).append(" = :viewer");
    if (user.scope() == RecordScope.TEAM) {
      params.put("viewerTeams", teams(user));
      sql.append(" or ")
          .append(holding.ownerColumn())
          .append(
              " in (select u.id from app_user u where u.team_id = any(cast(:viewerTeams as uuid[])))");
      if (holding.teamColumn() != null) {
        sql.append(" or (");
        if (holding.teamHoldsOnlyUnowned()) {
          sql.append(holding.ownerColumn()).append(" is null and ");
        }
        sql.append(holding.teamColumn()).append(" = any(cast(:viewerTeams as uuid[])))");
      }
    }
    Holding.Shares shares = holding.shares();
    if (shares != null) {
      sql.append(" or (");
      if (holding.pooledColumn() != null) {
        sql.append(holding.pooledColumn()).append(" is null and ");
      }
      sql.append("exists (select 1 from ")
          .append(shares.table())
          .append(" s where s.")
          .append(shares.recordColumn())
          .append(" = ")
          .append(shares.recordId())
          .append(" and s.")
          .append(shares.userColumn())
          .append(" = :viewer))");
    }
    return new Condition(sql.append(")").toString(), params);
  }

  /**
   * The pools a user sees, as a condition on the column naming the team whose pool holds a record
   * (null: the general pool): the general pool and those of the user's teams (and the teams below
   * them); every pool for the roles that serve the whole workspace.
   */
  public static Condition pools(CurrentUser user, String poolTeamColumn) {
    if (user.scope() == RecordScope.WORKSPACE) {
      return Condition.ALL;
    }
    return new Condition(
        "("
            + poolTeamColumn
            + " is null or "
            + poolTeamColumn
            + " = any(cast(:viewerPools as uuid[])))",
        Map.of("viewerPools", teams(user)));
  }

  private static String[] teams(CurrentUser user) {
    return user.teamIds().stream().map(Object::toString).toArray(String[]::new);
  }
}
