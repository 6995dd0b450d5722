package org.guanxi.crm.customer;

/** Why an existing customer may be the same as a new one, surest first. */
public enum DuplicateReason {
  /** the same e-mail address, on the customer or one of its contacts */
  EMAIL,
  /** the same phone number, on the customer or one of its contacts */
  PHONE,
  /** the same name, in simplified or traditional characters, whatever the case */
  NAME,
  /** the same pinyin */
  PINYIN,
  /** a name at least 80% alike */
  SIMILAR_NAME
}
