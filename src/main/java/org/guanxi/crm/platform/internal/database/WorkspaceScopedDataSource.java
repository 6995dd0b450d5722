package org.guanxi.crm.platform.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the current workspace, so that PostgreSQL's row-level security
 * shows this workspace's rows and no other's. Every borrow sets it afresh (to nothing outside a
 * workspace), so a pooled connection never keeps a previous user's workspace.
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

  private static Connection scoped(Connection connection) throws SQLException {
    String workspace = WorkspaceContext.current().map(id -> id.toString()).orElse("");
    try (PreparedStatement set =
        connection.prepareStatement("select set_config('guanxi.workspace_id', ?, false)")) {
      set.setString(1, workspace);
      set.execute();
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }
}
