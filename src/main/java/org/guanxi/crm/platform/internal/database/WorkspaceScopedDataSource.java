package org.guanxi.crm.platform.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.guanxi.crm.platform.WorkspaceContext;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the current workspace, so that PostgreSQL's row-level security
 * shows this workspace's rows and no other's. Every borrow makes the connection carry the current
 * workspace (nothing outside a workspace), so a pooled connection never keeps a previous user's
 * workspace. The workspace a database connection carries is remembered with it, so that a borrow in
 * the workspace it already carries (most borrows: one request borrows several times) costs no round
 * trip; the setting is made in autocommit, before a transaction begins, so no rollback undoes it.
 */
final class WorkspaceScopedDataSource extends DelegatingDataSource implements AutoCloseable {

  WorkspaceScopedDataSource(DataSource pool) {
    super(pool);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return scoped(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return scoped(super.getConnection(username, password));
  }

  @Override
  public void close() throws Exception {
    if (getTargetDataSource() instanceof AutoCloseable pool) {
      pool.close();
    }
  }

  private final Map<Object, String> carried = Collections.synchronizedMap(new WeakHashMap<>());

  private Connection scoped(Connection connection) throws SQLException {
    String workspace = WorkspaceContext.current().map(id -> id.toString()).orElse("");
    try {
      // the database connection itself, the same object at every borrow from the pool
      Object physical = connection.unwrap(PGConnection.class);
      if (workspace.equals(carried.get(physical)) && connection.getAutoCommit()) {
        return connection;
      }
      carried.remove(physical);
      try (PreparedStatement set =
          connection.prepareStatement("select set_config('guanxi.workspace_id', ?, false)")) {
        set.setString(1, workspace);
        set.execute();
      }
      if (connection.getAutoCommit()) {
        carried.put(physical, workspace);
      }
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }
}
