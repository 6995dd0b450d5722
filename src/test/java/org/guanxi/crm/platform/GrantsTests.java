package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.support.GuanxiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roles' permissions are what the modules grant them; these are the grants the CRM has always
 * had, written out once so that a module that changes what a role may do shows up here.
 */
@GuanxiTest
class GrantsTests {

  private static final Pattern NAMED_IN_TEMPLATE = Pattern.compile("\\.can\\('([^']+)'\\)");

  private static final Set<String> CUSTOMER_ALL =
      Set.of(
          "CUSTOMER_READ",
          "CUSTOMER_WRITE",
          "CUSTOMER_DELETE",
          "CUSTOMER_EXPORT",
          "CUSTOMER_EXPORT_LARGE",
          "CUSTOMER_IMPORT",
          "CUSTOMER_POOL_CLAIM",
          "CUSTOMER_POOL_MANAGE");

  @Autowired Grants grants;

  @Test
  void eachRoleHasExactlyThePermissionsItAlwaysHad() {
    Map<Role, Set<String>> expected =
        Map.of(
            Role.ADMINISTRATOR,
            union(
                CUSTOMER_ALL,
                Set.of(
                    "PERSONAL_DATA_REVEAL",
                    "LEAD_READ",
                    "LEAD_WRITE",
                    "LEAD_IMPORT",
                    "OPPORTUNITY_READ",
                    "OPPORTUNITY_WRITE",
                    "PRODUCT_READ",
                    "PRODUCT_WRITE",
                    "ORDER_READ",
                    "ORDER_WRITE",
                    "ORDER_IMPORT",
                    "KEY_ACCOUNT_READ",
                    "KEY_ACCOUNT_WRITE",
                    "INTERACTION_READ",
                    "INTERACTION_WRITE",
                    "TASK_READ",
                    "TASK_WRITE",
                    "SALES_SETTINGS",
                    "SALES_TARGET_WRITE",
                    "AUDIT_READ",
                    "EXCHANGE_RATE_WRITE",
                    "ADMINISTRATION")),
            Role.MANAGER,
            union(
                CUSTOMER_ALL,
                Set.of(
                    "PERSONAL_DATA_REVEAL",
                    "LEAD_READ",
                    "LEAD_WRITE",
                    "LEAD_IMPORT",
                    "OPPORTUNITY_READ",
                    "OPPORTUNITY_WRITE",
                    "SALES_TARGET_WRITE",
                    "PRODUCT_READ",
                    "ORDER_READ",
                    "ORDER_WRITE",
                    "ORDER_IMPORT",
                    "KEY_ACCOUNT_READ",
                    "KEY_ACCOUNT_WRITE",
                    "INTERACTION_READ",
                    "INTERACTION_WRITE",
                    "TASK_READ",
                    "TASK_WRITE")),
            Role.SALES,
            Set.of(
                "CUSTOMER_READ",
                "CUSTOMER_WRITE",
                "CUSTOMER_DELETE",
                "CUSTOMER_POOL_CLAIM",
                "LEAD_READ",
                "LEAD_WRITE",
                "OPPORTUNITY_READ",
                "OPPORTUNITY_WRITE",
                "PRODUCT_READ",
                "ORDER_READ",
                "ORDER_WRITE",
                "KEY_ACCOUNT_READ",
                "KEY_ACCOUNT_WRITE",
                "INTERACTION_READ",
                "INTERACTION_WRITE",
                "TASK_READ",
                "TASK_WRITE"),
            Role.MARKETING,
            Set.of(
                "CUSTOMER_READ",
                "CUSTOMER_WRITE",
                "CUSTOMER_EXPORT",
                "LEAD_READ",
                "LEAD_WRITE",
                "LEAD_IMPORT",
                "PRODUCT_READ",
                "ORDER_READ",
                "KEY_ACCOUNT_READ",
                "KEY_ACCOUNT_WRITE",
                "INTERACTION_READ",
                "INTERACTION_WRITE",
                "TASK_READ",
                "TASK_WRITE"),
            Role.SERVICE,
            Set.of(
                "CUSTOMER_READ",
                "CUSTOMER_WRITE",
                "PERSONAL_DATA_REVEAL",
                "PRODUCT_READ",
                "ORDER_READ",
                "KEY_ACCOUNT_READ",
                "KEY_ACCOUNT_WRITE",
                "INTERACTION_READ",
                "INTERACTION_WRITE",
                "TASK_READ",
                "TASK_WRITE"),
            Role.ANALYST,
            Set.of(
                "CUSTOMER_READ",
                "LEAD_READ",
                "OPPORTUNITY_READ",
                "PRODUCT_READ",
                "ORDER_READ",
                "KEY_ACCOUNT_READ",
                "INTERACTION_READ",
                "TASK_READ"));
    for (Role role : Role.values()) {
      assertThat(names(grants.of(role)))
          .as(role.name())
          .isEqualTo(new TreeSet<>(expected.get(role)));
    }
  }

  @Test
  void everyDeclaredPermissionIsGrantedToTheAdministrator() {
    assertThat(grants.of(Role.ADMINISTRATOR)).containsExactlyInAnyOrderElementsOf(grants.all());
  }

  @Test
  void aUserHasWhatAnyOfItsRolesIsGranted() {
    // permissions are equal by name, whichever module's constant they are compared with
    assertThat(grants.of(Set.of(Role.SERVICE, Role.ANALYST)))
        .contains(Permission.named("PERSONAL_DATA_REVEAL"))
        .contains(Permission.named("LEAD_READ"))
        .doesNotContain(Permission.named("LEAD_WRITE"));
  }

  @Test
  void aPermissionDeclaredByTwoModulesStopsTheStart() {
    ModulePermissions again = module(List.of(Permission.named("CUSTOMER_READ")), Set.of());
    assertThatThrownBy(() -> new Grants(List.of(new CustomerPermissions(), again)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CUSTOMER_READ is declared twice");
  }

  @Test
  void aModuleMayGrantOnlyWhatItDeclares() {
    ModulePermissions borrowing =
        module(List.of(Permission.named("REPORT_READ")), Set.of(CustomerPermissions.CUSTOMER_READ));
    assertThatThrownBy(() -> new Grants(List.of(new CustomerPermissions(), borrowing)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("grants CUSTOMER_READ, which it does not declare");
  }

  @Test
  void everyPermissionATemplateChecksIsDeclaredByAModule() throws IOException {
    Set<String> named;
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      named =
          templates
              .filter(path -> path.toString().endsWith(".html"))
              .flatMap(GrantsTests::checkedNames)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(named).contains("CUSTOMER_WRITE", "ADMINISTRATION");
    assertThat(names(grants.all())).containsAll(named);
  }

  private static Stream<String> checkedNames(Path template) {
    try {
      return NAMED_IN_TEMPLATE.matcher(Files.readString(template)).results().map(m -> m.group(1));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> names(java.util.Collection<Permission> permissions) {
    return permissions.stream()
        .map(Permission::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A module that declares {@code permissions} and grants {@code granted} to every role. */
  private static ModulePermissions module(List<Permission> permissions, Set<Permission> granted) {
    return new ModulePermissions() {
      @Override
      public List<Permission> permissions() {
        return permissions;
      }

      @Override
      public Set<Permission> grantedTo(Role role) {
        return granted;
      }
    };
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
