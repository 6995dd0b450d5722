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
  /** see the pools of one's teams and the general pool, and claim customers from them */
  CUSTOMER_POOL_CLAIM,
  /**
   * see the pools of the teams one manages, assign their customers and reclaim customers for the
   * pool
   */
  CUSTOMER_POOL_MANAGE,
  LEAD_READ,
  LEAD_WRITE,
  LEAD_IMPORT,
  OPPORTUNITY_READ,
  OPPORTUNITY_WRITE,
  PRODUCT_READ,
  /** the catalogue itself: products, categories, prices and price lists */
  PRODUCT_WRITE,
  ORDER_READ,
  ORDER_WRITE,
  ORDER_IMPORT,
  /** key-account plans of the customers the user sees */
  KEY_ACCOUNT_READ,
  /**
   * changing key-account plans, where the user owns the customer, manages or is on the account team
   */
  KEY_ACCOUNT_WRITE,
  /** sales settings: pipelines and their stages, lead assignment rules, the web-to-lead form */
  SALES_SETTINGS,
  AUDIT_READ,
  /** the exchange rates money in other currencies is added up with, in the base currency */
  EXCHANGE_RATE_WRITE,
  ADMINISTRATION;

  /**
   * The Spring Security authority name, as used in {@code @PreAuthorize("hasAuthority('...')")}.
   */
  public String authority() {
    return name();
  }
}
