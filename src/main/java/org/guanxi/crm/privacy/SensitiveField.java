package org.guanxi.crm.privacy;

/** The kinds of personal data that are encrypted at rest and masked on screen. */
public enum SensitiveField {
  PHONE,
  PHONE_TAIL,
  EMAIL,
  ID_CARD,
  BIRTHDAY,
  ADDRESS
}
