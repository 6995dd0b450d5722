package org.guanxi.crm.platform;

import static org.guanxi.crm.platform.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the CRM, each with its permissions and how far it sees customer records: its own and
 * shared ones, its team's (including the teams below), or the whole workspace.
 */
public enum Role {
  ADMINISTRATOR(
      RecordScope.WORKSPACE,
      EnumSet.of(
          CUSTOMER_READ,
          CUSTOMER_WRITE,
          CUSTOMER_DELETE,
          CUSTOMER_EXPORT,
          CUSTOMER_EXPORT_LARGE,
          CUSTOMER_IMPORT,
          PERSONAL_DATA_REVEAL,
          CUSTOMER_POOL_CLAIM,
          CUSTOMER_POOL_MANAGE,
          LEAD_READ,
          LEAD_WRITE,
          LEAD_IMPORT,
          OPPORTUNITY_READ,
          OPPORTUNITY_WRITE,
          PRODUCT_READ,
          PRODUCT_WRITE,
          ORDER_READ,
          ORDER_WRITE,
          ORDER_IMPORT,
          KEY_ACCOUNT_READ,
          KEY_ACCOUNT_WRITE,
          SALES_SETTINGS,
          AUDIT_READ,
          EXCHANGE_RATE_WRITE,
          ADMINISTRATION)),
  MANAGER(
      RecordScope.TEAM,
      EnumSet.of(
          CUSTOMER_READ,
          CUSTOMER_WRITE,
          CUSTOMER_DELETE,
          CUSTOMER_EXPORT,
          CUSTOMER_EXPORT_LARGE,
          CUSTOMER_IMPORT,
          PERSONAL_DATA_REVEAL,
          CUSTOMER_POOL_CLAIM,
          CUSTOMER_POOL_MANAGE,
          LEAD_READ,
          LEAD_WRITE,
          LEAD_IMPORT,
          OPPORTUNITY_READ,
          OPPORTUNITY_WRITE,
          PRODUCT_READ,
          ORDER_READ,
          ORDER_WRITE,
          ORDER_IMPORT,
          KEY_ACCOUNT_READ,
          KEY_ACCOUNT_WRITE)),
  SALES(
      RecordScope.OWN,
      EnumSet.of(
          CUSTOMER_READ,
          CUSTOMER_WRITE,
          CUSTOMER_DELETE,
          CUSTOMER_POOL_CLAIM,
          LEAD_READ,
          LEAD_WRITE,
          OPPORTUNITY_READ,
          OPPORTUNITY_WRITE,
          PRODUCT_READ,
          ORDER_READ,
          ORDER_WRITE,
          KEY_ACCOUNT_READ,
          KEY_ACCOUNT_WRITE)),
  MARKETING(
      RecordScope.WORKSPACE,
      EnumSet.of(
          CUSTOMER_READ,
          CUSTOMER_WRITE,
          CUSTOMER_EXPORT,
          LEAD_READ,
          LEAD_WRITE,
          LEAD_IMPORT,
          PRODUCT_READ,
          ORDER_READ,
          KEY_ACCOUNT_READ,
          KEY_ACCOUNT_WRITE)),
  SERVICE(
      RecordScope.WORKSPACE,
      EnumSet.of(
          CUSTOMER_READ,
          CUSTOMER_WRITE,
          PERSONAL_DATA_REVEAL,
          PRODUCT_READ,
          ORDER_READ,
          KEY_ACCOUNT_READ,
          KEY_ACCOUNT_WRITE)),
  ANALYST(
      RecordScope.WORKSPACE,
      EnumSet.of(
          CUSTOMER_READ, LEAD_READ, OPPORTUNITY_READ, PRODUCT_READ, ORDER_READ, KEY_ACCOUNT_READ));

  private final RecordScope scope;
  private final Set<Permission> permissions;

  Role(RecordScope scope, Set<Permission> permissions) {
    this.scope = scope;
    this.permissions = permissions;
  }

  public RecordScope scope() {
    return scope;
  }

  public Set<Permission> permissions() {
    return permissions;
  }
}
