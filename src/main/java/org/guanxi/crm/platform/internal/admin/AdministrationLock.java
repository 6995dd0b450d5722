package org.guanxi.crm.platform.internal.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises changes to one workspace's teams and users until the transaction ends, so that two
 * changes at once can neither close a loop in the team hierarchy, remove the last administrator,
 * nor put a user or a team into a team that is being deleted.
 */
@Component
class AdministrationLock {

  private final JdbcClient jdbc;

  AdministrationLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void hold() {
    jdbc.sql("select pg_advisory_xact_lock(7412002, hashtext(guanxi_current_workspace()::text))")
        .query()
        .singleValue();
  }
}
