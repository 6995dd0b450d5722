package org.guanxi.crm.platform;

import org.jspecify.annotations.Nullable;

/**
 * Who holds the rows of a table, as the access rule ({@link RecordAccess}) reads them: the columns
 * of the owner, of a team that holds the row too, of a pool it may lie in, and the table of the
 * users it is shared with. Columns are named as the query names them ({@code c.owner_id}).
 *
 * @param teamHoldsOnlyUnowned whether the team holds the row only while no one owns it (a lead
 *     waiting for a rep), rather than always (a deal, whoever owns it)
 */
public record Holding(
    String ownerColumn,
    @Nullable String teamColumn,
    boolean teamHoldsOnlyUnowned,
    @Nullable Shares shares,
    @Nullable String pooledColumn) {

  /**
   * A table of the owning module that lists the users a record is shared with, one row per record
   * and user; {@code recordId} is the shared record's id column as the query names it.
   */
  public record Shares(String table, String recordColumn, String userColumn, String recordId) {}

  /** Rows held by their owner alone. */
  public static Holding ownedBy(String ownerColumn) {
    return new Holding(ownerColumn, null, false, null, null);
  }

  /** A team holds the row as well, whoever owns it: the team's managers see it. */
  public Holding heldByTeam(String teamColumn) {
    return new Holding(ownerColumn, teamColumn, false, shares, pooledColumn);
  }

  /** A team holds the row while no one owns it: the team's managers see it until it is given. */
  public Holding heldByTeamWhileUnowned(String teamColumn) {
    return new Holding(ownerColumn, teamColumn, true, shares, pooledColumn);
  }

  /** Users the row is shared with see it too (unless it is in a pool). */
  public Holding sharedIn(Shares shares) {
    return new Holding(ownerColumn, teamColumn, teamHoldsOnlyUnowned, shares, pooledColumn);
  }

  /**
   * The row lies in a pool while this column is not null: it has no owner then, and a share does
   * not show it; the pool has a rule of its own ({@link RecordAccess#pools}).
   */
  public Holding pooledWhen(String pooledColumn) {
    return new Holding(ownerColumn, teamColumn, teamHoldsOnlyUnowned, shares, pooledColumn);
  }
}
