package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself keeps workspaces apart, even from a query that forgets to filter. */
@GuanxiTest
class WorkspaceIsolationTests {

  @Autowired JdbcClient jdbc;
  @Autowired TestWorkspaces workspaces;

  @Autowired
  @Qualifier("migrationDataSource")
  DataSource owner;

  TestWorkspace mine;
  TestWorkspace theirs;

  @BeforeEach
  void twoWorkspacesWithOneCustomerEach() {
    mine = workspaces.create();
    theirs = workspaces.create();
    UUID myOwner = mine.member(Role.SALES).id();
    UUID theirOwner = theirs.member(Role.SALES).id();
    mine.in(() -> insertCustomer("我的客户", myOwner));
    theirs.in(() -> insertCustomer("别人的客户", theirOwner));
  }

  @Test
  void aQueryWithoutWorkspaceFilterSeesOnlyTheCurrentWorkspace() {
    assertThat(mine.in(() -> jdbc.sql("select name from customer").query(String.class).list()))
        .containsExactly("我的客户");
    assertThat(mine.in(() -> jdbc.sql("select count(*) from app_user").query(Long.class).single()))
        .isEqualTo(1);
    assertThat(mine.in(() -> jdbc.sql("select count(*) from workspace").query(Long.class).single()))
        .isEqualTo(1);
  }

  @Test
  void theNameSearchFunctionsOnlyFindTheCurrentWorkspacesCustomers() {
    var everything =
        "select count(*) from guanxi_customer_ids_by_latin('%') union all "
            + "select count(*) from guanxi_customer_ids_by_grams('{}', '%')";
    assertThat(mine.in(() -> jdbc.sql(everything).query(Long.class).list()))
        .containsExactly(1L, 1L);
    assertThat(jdbc.sql(everything).query(Long.class).list()).containsExactly(0L, 0L);
  }

  @Test
  void outsideAnyWorkspaceNoBusinessRowIsVisible() {
    assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isZero();
  }

  @Test
  void rowsCannotBeWrittenIntoAnotherWorkspace() {
    assertThatThrownBy(
            () ->
                mine.in(
                    () ->
                        jdbc.sql(
                                "insert into team (workspace_id, id, name) values (?, ?, 'intruders')")
                            .params(theirs.id(), Ids.newId())
                            .update()))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("row-level security");
    int changed =
        mine.in(
            () -> jdbc.sql("update customer set name = 'hijacked' where name = '别人的客户'").update());
    assertThat(changed).isZero();
    assertThat(theirs.in(() -> jdbc.sql("select name from customer").query(String.class).single()))
        .isEqualTo("别人的客户");
  }

  @Test
  void theApplicationsDatabaseRoleCannotBypassRowLevelSecurity() {
    var role =
        jdbc.sql(
                "select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = current_user")
            .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)})
            .single();
    assertThat(role).containsExactly(false, false, false);
    assertThat(
            jdbc.sql(
                    "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .query(Long.class)
                .single())
        .isZero();
    assertThatThrownBy(
            () ->
                jdbc.sql("set row_security = off; select count(*) from customer")
                    .query(Long.class)
                    .single())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void theApplicationsDatabaseRoleCannotRunPrograms() {
    assertThatThrownBy(
            () -> jdbc.sql("copy (select 1) to program 'touch /tmp/guanxi-pwned'").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThat(new java.io.File("/tmp/guanxi-pwned")).doesNotExist();
  }

  @Test
  void theAuditLogCannotBeChangedOrEmptied() {
    UUID actor = mine.member(Role.ADMINISTRATOR).id();
    mine.in(
        () ->
            jdbc.sql(
                    "insert into audit_event (workspace_id, id, actor_id, actor_name, action, subject_type) "
                        + "values (guanxi_current_workspace(), ?, ?, 'a', 'REVEAL', 'customer')")
                .params(Ids.newId(), actor)
                .update());
    assertThatThrownBy(
            () -> mine.in(() -> jdbc.sql("update audit_event set action = 'NOTHING'").update()))
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(() -> mine.in(() -> jdbc.sql("delete from audit_event").update()))
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
        .isInstanceOf(DataAccessException.class);
    assertThat(mine.in(() -> jdbc.sql("select action from audit_event").query(String.class).list()))
        .containsExactly("REVEAL");
  }

  /**
   * Whichever module's migration created it, every table holding a workspace's rows has row-level
   * security with the workspace policy (the application's role owns no table, so it cannot escape).
   */
  @Test
  void everyTableWithAWorkspaceIdHasTheWorkspacePolicy() {
    JdbcClient asOwner = JdbcClient.create(owner);
    List<String> tables =
        asOwner
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
        asOwner
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

  private int insertCustomer(String name, UUID owner) {
    return jdbc.sql(
            """
            insert into customer (workspace_id, id, kind, name, lifecycle_stage, classification, owner_id,
              search_name, search_latin, search_grams, created_at, updated_at)
            values (guanxi_current_workspace(), ?, 'INDIVIDUAL', ?, 'PROSPECT', 'ORDINARY', ?, ?, '', '{}', now(), now())
            """)
        .params(Ids.newId(), name, owner, name)
        .update();
  }
}
