package org.guanxi.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: no module's SQL names another module's table. A module offers what
 * others may read through its views (and functions), and a foreign key may name a table of a module
 * it depends on (the database keeps the link true). A table belongs to the module whose migrations
 * ({@code db/migration/<module>/}) create it; the SQL read is every string in a module's code
 * ({@code org.guanxi.crm.<module>}) and its migrations.
 */
class TableOwnershipTests {

  static final Path CODE = Path.of("src/main/java/org/guanxi/crm");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /**
   * Landed migrations are never edited: these reached into another module's table before the rule,
   * and are history, not a pattern.
   */
  static final Map<String, String> LANDED_BEFORE_THE_RULE =
      Map.of(
          "orders/V54__returns_and_imported_orders.sql",
          "adds the catalogue's product code key, which imported lines are matched by",
          "customer/V34__customer_lifecycle.sql",
          "defines platform's guanxi_workspace_ids(), which reads the workspaces",
          "opportunities/V60__pipelines_and_opportunities.sql",
          "gives every existing workspace its default pipeline, and a deal a foreign key to the"
              + " lead it came from (leads depend on deals, not the reverse)");

  static final Pattern NAMED =
      Pattern.compile(
          "\\b(from|join|into|update|table|references|exists \\(select 1 from)\\s+(?:only\\s+)?(?:if exists\\s+)?([a-z_][a-z0-9_]*)\\b",
          Pattern.CASE_INSENSITIVE);
  static final Pattern CREATED =
      Pattern.compile(
          "create (?:unlogged )?table (?:if not exists )?([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);
  static final Pattern COMMON_TABLE =
      Pattern.compile("(?:with|,)\\s+(?:recursive\\s+)?([a-z_][a-z0-9_]*)\\s+as\\s*\\(");
  static final Pattern STRING =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
  static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)\\}");

  @Test
  void noModulesSqlNamesAnotherModulesTable() throws IOException {
    Map<String, String> owners = tableOwners();
    assertThat(owners).containsKeys("customer", "sales_order", "opportunity", "app_user");
    List<String> reachIns = new ArrayList<>();
    for (String module : modules()) {
      Set<String> allowed = allowedDependencies(module);
      for (Path file : sqlSources(module)) {
        String where = MIGRATIONS.relativize(file).toString();
        if (file.startsWith(CODE)) {
          where = CODE.relativize(file).toString();
        }
        if (LANDED_BEFORE_THE_RULE.containsKey(where)) {
          continue;
        }
        for (String sql : sqlTexts(file)) {
          Set<String> commonTables = new HashSet<>();
          Matcher common = COMMON_TABLE.matcher(sql.toLowerCase());
          while (common.find()) {
            commonTables.add(common.group(1));
          }
          Matcher named = NAMED.matcher(sql);
          while (named.find()) {
            String keyword = named.group(1).toLowerCase();
            String table = named.group(2).toLowerCase();
            String owner = owners.get(table);
            if (owner == null || owner.equals(module) || commonTables.contains(table)) {
              continue;
            }
            if (keyword.equals("references") && allowed.contains(owner)) {
              continue;
            }
            reachIns.add(where + " names " + owner + "'s table " + table);
          }
        }
      }
    }
    assertThat(new TreeSet<>(reachIns)).isEmpty();
  }

  @Test
  void everyTableBelongsToAModuleThatExists() throws IOException {
    assertThat(new TreeSet<>(tableOwners().values())).isSubsetOf(modules());
  }

  static Set<String> modules() throws IOException {
    try (Stream<Path> entries = Files.list(CODE)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  static Map<String, String> tableOwners() throws IOException {
    Map<String, String> owners = new HashMap<>();
    for (String module : modules()) {
      Path folder = MIGRATIONS.resolve(module);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Matcher created = CREATED.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (created.find()) {
            owners.putIfAbsent(created.group(1).toLowerCase(), module);
          }
        }
      }
    }
    // Spring Session's tables, made by platform's first migration from Spring's script
    owners.putIfAbsent("spring_session", "platform");
    owners.putIfAbsent("spring_session_attributes", "platform");
    return owners;
  }

  static Set<String> allowedDependencies(String module) throws IOException {
    Set<String> allowed = new HashSet<>();
    Matcher declared =
        ALLOWED.matcher(Files.readString(CODE.resolve(module).resolve("package-info.java")));
    if (declared.find()) {
      for (String name : declared.group(1).split(",")) {
        allowed.add(name.strip().replace("\"", ""));
      }
    }
    return allowed;
  }

  static List<Path> sqlSources(String module) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> code = Files.walk(CODE.resolve(module))) {
      code.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
    }
    if (Files.isDirectory(MIGRATIONS.resolve(module))) {
      try (Stream<Path> migrations = Files.list(MIGRATIONS.resolve(module))) {
        migrations.filter(p -> p.toString().endsWith(".sql")).forEach(files::add);
      }
    }
    return files;
  }

  /** A migration is SQL through and through; in code, SQL stands in string literals. */
  static List<String> sqlTexts(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (file.toString().endsWith(".sql")) {
      return List.of(text.replaceAll("--[^\\n]*", ""));
    }
    List<String> strings = new ArrayList<>();
    Matcher string = STRING.matcher(text.replaceAll("(?m)^\\s*(//|\\*|/\\*\\*).*$", ""));
    while (string.find()) {
      strings.add(string.group(1) != null ? string.group(1) : string.group(2));
    }
    return List.of(String.join("\n", strings));
  }
}
