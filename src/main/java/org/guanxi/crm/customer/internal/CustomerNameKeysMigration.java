package org.guanxi.crm.customer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V57: fills the name keys of the customers that existed before V56, then indexes them. A Java
 * migration because the keys are computed by {@link NameKeys} (and the normalisation by {@link
 * SearchKeys}), which SQL cannot repeat. It runs as the migrating role, which owns the table, so it
 * sees every workspace.
 */
@Component
class CustomerNameKeysMigration implements JavaMigration {

  private static final int BATCH = 5_000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("57");
  }

  @Override
  public String getDescription() {
    return "customer name keys";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    UUID lastWorkspace = new UUID(0, 0);
    UUID lastId = new UUID(0, 0);
    while (true) {
      List<UUID> workspaces = new ArrayList<>();
      List<UUID> ids = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "select workspace_id, id, name from customer where (workspace_id, id) > (?, ?)"
                  + " order by workspace_id, id limit "
                  + BATCH)) {
        select.setObject(1, lastWorkspace);
        select.setObject(2, lastId);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            workspaces.add(rows.getObject(1, UUID.class));
            ids.add(rows.getObject(2, UUID.class));
            keys.add(NameKeys.arrayLiteral(NameKeys.of(SearchKeys.normalise(rows.getString(3)))));
          }
        }
      }
      if (ids.isEmpty()) {
        break;
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "update customer c set name_keys = cast(k.keys as bigint[])"
                  + " from unnest(?, ?, ?) as k (workspace_id, id, keys)"
                  + " where c.workspace_id = k.workspace_id and c.id = k.id")) {
        update.setArray(1, connection.createArrayOf("uuid", workspaces.toArray()));
        update.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
        update.setArray(3, connection.createArrayOf("text", keys.toArray()));
        update.executeUpdate();
      }
      lastWorkspace = workspaces.get(workspaces.size() - 1);
      lastId = ids.get(ids.size() - 1);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "create index customer_name_keys on customer using gin (name_keys) with (fastupdate = off)");
    }
  }
}
