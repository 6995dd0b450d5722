package org.guanxi.crm.platform;

/** What a user may do. Roles grant permissions; endpoints require them. */
public enum Permission {
  CUSTOMER_READ,
  CUSTOMER_WRITE,
  CUSTOMER_DELETE,
  CUSTOMER_EXPORT,
  CUSTOMER_IMPORT,
  PERSONAL_DATA_REVEAL,
  AUDIT_READ,
  ADMINISTRATION;

  /** The Spring Security authority name, as used in {@code @PreAuthorize("hasAuthority('...')")}. */
  public String authority() {
    return name();
  }
}
