package org.guanxi.crm.leads.internal;

/** A field the public lead form may ask besides the name, which it always asks. */
enum LeadFormField {
  COMPANY,
  TITLE,
  PHONE,
  EMAIL,
  CITY,
  INDUSTRY,
  MESSAGE
}
