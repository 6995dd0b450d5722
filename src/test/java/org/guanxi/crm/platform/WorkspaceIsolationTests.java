package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.guanxi.crm.support.GuanxiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table that holds a workspace's rows shows and takes only the current workspace's to the
 * application's role (which owns no table): row-level security enabled with the workspace policy,
 * whichever module's migration created it.
 */
@GuanxiTest
class WorkspaceIsolationTests {

  @Autowired
  @Qualifier("migrationDataSource")
  DataSource owner;

  @Test
  void everyTableWithAWorkspaceIdIsIsolatedByRowLevelSecurity() {
    List<String> tables =
        JdbcClient.create(owner)
            .sql(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped
                where n.nspname = current_schema() and c.relkind = 'r'
                order by 1
                """)
            .query(String.class)
            .list();
    List<String> isolated =
        JdbcClient.create(owner)
            .sql(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and c.relrowsecurity
                  and exists (select 1 from pg_policy p where p.polrelid = c.oid
                              and p.polname = 'workspace_isolation')
                order by 1
                """)
            .query(String.class)
            .list();
    assertThat(tables).contains("customer", "interaction", "task", "notification");
    assertThat(isolated).containsAll(tables);
  }
}
