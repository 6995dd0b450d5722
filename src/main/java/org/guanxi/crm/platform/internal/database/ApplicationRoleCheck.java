package org.guanxi.crm.platform.internal.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start when the application's database role could step around row-level security: a
 * superuser, a role with BYPASSRLS, or the owner of the tables would see every workspace's data.
 */
final class ApplicationRoleCheck implements InitializingBean {

  static final String UNSAFE_ROLE =
      "The database role in spring.datasource.username must not be a superuser, have BYPASSRLS or own the "
          + "tables: create a separate role for the application and give the owner's credentials to "
          + "spring.flyway.user and spring.flyway.password.";

  private final JdbcClient jdbc;

  ApplicationRoleCheck(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public void afterPropertiesSet() {
    boolean unsafe =
        jdbc.sql(
                """
                select r.rolsuper or r.rolbypassrls
                    or exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user)
                from pg_roles r where r.rolname = current_user
                """)
            .query(Boolean.class)
            .single();
    if (unsafe) {
      throw new IllegalStateException(UNSAFE_ROLE);
    }
  }
}
