package org.guanxi.crm.customer.internal;

/** More customers match an export than the user may export at once; nothing was exported. */
class LargeExportNotAllowed extends RuntimeException {

  LargeExportNotAllowed(int limit) {
    super(
        "More than "
            + limit
            + " customers match. Exporting them needs the large-export permission: narrow the filters.");
  }
}
