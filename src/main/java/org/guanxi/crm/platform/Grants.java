package org.guanxi.crm.platform;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every module's permissions and what each role has of them: the sum of the modules' {@link
 * ModulePermissions}. Checked once when the application starts: a permission is declared by one
 * module only, and a module grants only permissions it declares.
 */
@Component
public final class Grants {

  private final Map<String, Permission> declared = new LinkedHashMap<>();
  private final Map<Role, Set<Permission>> byRole = new EnumMap<>(Role.class);

  public Grants(List<ModulePermissions> modules) {
    for (Role role : Role.values()) {
      byRole.put(role, new LinkedHashSet<>());
    }
    for (ModulePermissions module : modules) {
      for (Permission permission : module.permissions()) {
        if (declared.putIfAbsent(permission.name(), permission) != null) {
          throw new IllegalStateException(
              "The permission " + permission + " is declared twice, again by " + nameOf(module));
        }
      }
    }
    for (ModulePermissions module : modules) {
      for (Role role : Role.values()) {
        for (Permission permission : module.grantedTo(role)) {
          if (!module.permissions().contains(permission)) {
            throw new IllegalStateException(
                nameOf(module) + " grants " + permission + ", which it does not declare");
          }
          byRole.get(role).add(permission);
        }
      }
    }
  }

  private static String nameOf(ModulePermissions module) {
    return module.getClass().getSimpleName();
  }

  /** Every permission of every module. */
  public Collection<Permission> all() {
    return Collections.unmodifiableCollection(declared.values());
  }

  public Optional<Permission> find(String name) {
    return Optional.ofNullable(declared.get(name));
  }

  public Set<Permission> of(Role role) {
    return Collections.unmodifiableSet(byRole.get(role));
  }

  /** What a user with these roles may do: everything any of them is granted. */
  public Set<Permission> of(Collection<Role> roles) {
    Set<Permission> all = new LinkedHashSet<>();
    roles.forEach(role -> all.addAll(byRole.get(role)));
    return Collections.unmodifiableSet(all);
  }
}
