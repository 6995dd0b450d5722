package org.guanxi.crm.privacy;

/** What was done with personal data. */
public enum AuditAction {
  REVEAL,
  EXPORT,
  BULK_READ,
  MERGE,
  ERASE
}
