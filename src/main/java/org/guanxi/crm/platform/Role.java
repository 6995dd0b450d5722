package org.guanxi.crm.platform;

/**
 * The roles of the CRM and how far each sees records: its own and shared ones, its team's
 * (including the teams below), or the whole workspace. What a role may do is what the modules grant
 * it ({@link Grants}). Stored by name in {@code app_user.roles}.
 */
public enum Role {
  ADMINISTRATOR(RecordScope.WORKSPACE),
  MANAGER(RecordScope.TEAM),
  SALES(RecordScope.OWN),
  MARKETING(RecordScope.WORKSPACE),
  SERVICE(RecordScope.WORKSPACE),
  ANALYST(RecordScope.WORKSPACE);

  private final RecordScope scope;

  Role(RecordScope scope) {
    this.scope = scope;
  }

  public RecordScope scope() {
    return scope;
  }
}
