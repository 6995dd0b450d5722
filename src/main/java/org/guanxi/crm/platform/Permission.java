package org.guanxi.crm.platform;

/** What a user may do. Roles grant permissions; endpoints require them. */
public enum Permission {
  CUSTOMER_READ,
  CUSTOMER_WRITE,
  CUSTOMER_DELETE,
  CUSTOMER_EXPORT,
  /** exports of more than a thousand customers at once, on top of {@link #CUSTOMER_EXPORT} */
  CUSTOMER_EXPORT_LARGE,
  CUSTOMER_IMPORT,
  PERSONAL_DATA_REVEAL,
  AUDIT_READ,
  ADMINISTRATION;

  /**
   * The Spring Security authority name, as used in {@code @PreAuthorize("hasAuthority('...')")}.
   */
  public String authority() {
    return name();
  }
}
