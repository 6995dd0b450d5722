package org.guanxi.crm.platform;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * What a user may do: declared by the module whose feature it guards (see {@link
 * ModulePermissions}), granted to roles, required by endpoints. Its name is the Spring Security
 * authority, as in {@code @PreAuthorize("hasAuthority('CUSTOMER_READ')")}, and is never renamed:
 * endpoints, templates and API clients know it.
 */
public record Permission(String name) implements Serializable {

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  public Permission {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A permission is named in upper snake case: " + name);
    }
  }

  public static Permission named(String name) {
    return new Permission(name);
  }

  /**
   * The Spring Security authority name, as used in {@code @PreAuthorize("hasAuthority('...')")}.
   */
  public String authority() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
