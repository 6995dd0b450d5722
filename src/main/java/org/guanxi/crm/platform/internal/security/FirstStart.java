package org.guanxi.crm.platform.internal.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.guanxi.crm.platform.GuanxiProperties;
import org.guanxi.crm.platform.NewAccount;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On the first start, creates the default workspace with its first accounts: the demo team with
 * demo passwords when demo data is on, otherwise one administrator with a random password shown
 * once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

  static final String DEFAULT_SLUG = "default";
  static final String DEMO_PASSWORD = "guanxi-demo";
  private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

  private final JdbcClient jdbc;
  private final Workspaces workspaces;
  private final ApiTokens tokens;
  private final GuanxiProperties properties;
  private final DataSource dataSource;
  private final Environment environment;

  FirstStart(
      JdbcClient jdbc,
      Workspaces workspaces,
      ApiTokens tokens,
      GuanxiProperties properties,
      DataSource dataSource,
      Environment environment) {
    this.environment = environment;
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.workspaces = workspaces;
    this.tokens = tokens;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    // several nodes may start at once against one database: one creates the workspace, the others
    // wait
    boolean created;
    try (Connection lockHolder = dataSource.getConnection()) {
      JdbcClient lock = JdbcClient.create(new SingleConnectionDataSource(lockHolder, true));
      lock.sql("select pg_advisory_lock(7412001)").query().singleValue();
      try {
        created =
            jdbc.sql("select guanxi_find_workspace(?)")
                .param(DEFAULT_SLUG)
                .query(UUID.class)
                .optional()
                .isEmpty();
        if (created) {
          createDefaultWorkspace();
        }
      } finally {
        lock.sql("select pg_advisory_unlock(7412001)").query().singleValue();
      }
    }
    if (properties.demo() || created) {
      log.info(
          "Guanxi is ready. Sign in at http://localhost:{}/login",
          environment.getProperty("local.server.port", "8080"));
    }
    if (properties.demo()) {
      log.info(
          "Demo accounts (password '{}'): admin, manager, sales, sales2, marketing, service, analyst",
          DEMO_PASSWORD);
    }
  }

  private void createDefaultWorkspace() {
    workspaces.create(
        DEFAULT_SLUG,
        properties.demo() ? "关系演示公司 Guanxi Demo" : "Guanxi",
        properties.demo(),
        headOffice -> {
          UUID admin;
          if (properties.demo()) {
            admin = createDemoAccounts(headOffice);
          } else {
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(9));
            admin =
                workspaces.createAccount(
                    new NewAccount(
                        "admin",
                        "Administrator",
                        password,
                        EnumSet.of(Role.ADMINISTRATOR),
                        headOffice));
            log.warn(
                "Created the administrator account 'admin' with the password '{}'. Change it after signing in.",
                password);
          }
          String bootstrapToken = properties.bootstrapAdminToken();
          if (bootstrapToken != null && !bootstrapToken.isBlank()) {
            tokens.register(admin, "bootstrap", bootstrapToken.trim());
            log.info("Registered GUANXI_BOOTSTRAP_ADMIN_TOKEN as an administrator API token");
          }
        });
  }

  private UUID createDemoAccounts(UUID headOffice) {
    UUID east = workspaces.createTeam("华东销售部 East sales", headOffice);
    UUID north = workspaces.createTeam("华北销售部 North sales", headOffice);
    UUID admin = account("admin", "管理员 Admin", Role.ADMINISTRATOR, headOffice);
    account("manager", "王经理 Manager Wang", Role.MANAGER, east);
    account("sales", "李娜 Li Na", Role.SALES, east);
    account("sales2", "陈磊 Chen Lei", Role.SALES, north);
    account("marketing", "周敏 Zhou Min", Role.MARKETING, headOffice);
    account("service", "刘洋 Liu Yang", Role.SERVICE, headOffice);
    account("analyst", "赵静 Zhao Jing", Role.ANALYST, headOffice);
    return admin;
  }

  private UUID account(String username, String displayName, Role role, UUID team) {
    return workspaces.createAccount(
        new NewAccount(username, displayName, DEMO_PASSWORD, Set.of(role), team));
  }
}
