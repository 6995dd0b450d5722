package org.guanxi.crm.platform.internal.web;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserLanguages {

  private final JdbcClient jdbc;

  UserLanguages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(UUID userId, String languageTag) {
    jdbc.sql("update app_user set locale = ? where id = ?").params(languageTag, userId).update();
  }
}
