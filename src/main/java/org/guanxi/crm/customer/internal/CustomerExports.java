package org.guanxi.crm.customer.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.imports.SpreadsheetCsv;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.guanxi.crm.privacy.PrivacyPermissions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Customers as a CSV file for spreadsheets, read page by page and written as they come (never all
 * in memory). Personal data is masked unless the user may reveal it and asks to; more than {@value
 * #LARGE} customers need the large-export permission; every export is written to the audit log with
 * its counts and fields.
 */
@Service
class CustomerExports {

  static final int LARGE = 1_000;
  private static final int PAGE = 500;
  static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "kind",
          "lifecycleStage",
          "classification",
          "industry",
          "source",
          "city",
          "tags",
          "owner",
          "phone",
          "email",
          "idCard",
          "birthday",
          "address",
          "preferences",
          "createdAt");
  private static final List<String> PERSONAL_DATA =
      List.of("phone", "email", "idCard", "birthday", "address");

  /**
   * An export that may go ahead, its first page already read so that a refusal comes before any
   * byte is written.
   */
  record Export(CurrentUser user, CustomerQuery query, boolean reveal, CustomerPage firstPage) {}

  private final CustomerStore store;
  private final CustomFieldStore customFields;
  private final AuditLog audit;

  CustomerExports(CustomerStore store, CustomFieldStore customFields, AuditLog audit) {
    this.store = store;
    this.customFields = customFields;
    this.audit = audit;
  }

  Export start(CurrentUser user, CustomerQuery filters, boolean reveal) {
    if (reveal && !user.can(PrivacyPermissions.PERSONAL_DATA_REVEAL)) {
      throw new AccessDeniedException("reveal");
    }
    CustomerPage first = store.list(user, filters.withPage(null, LARGE));
    if (first.nextCursor() != null && !user.can(CustomerPermissions.CUSTOMER_EXPORT_LARGE)) {
      throw new LargeExportNotAllowed(LARGE);
    }
    return new Export(user, filters, reveal, first);
  }

  void write(Export export, SpreadsheetCsv csv) throws IOException {
    int rows = 0;
    boolean complete = false;
    try {
      // custom fields are headed by their keys, which an import recognises again
      List<CustomField> fields = customFields.active();
      List<String> header = new ArrayList<>(COLUMNS);
      fields.forEach(f -> header.add(f.key()));
      csv.row(header);
      CustomerPage page = export.firstPage();
      while (true) {
        for (Customer customer : page.items()) {
          List<@Nullable Object> cells = cells(CustomerResource.of(customer, export.reveal()));
          fields.forEach(f -> cells.add(customer.customFields().get(f.key())));
          csv.row(cells);
          rows++;
        }
        csv.flush();
        if (page.nextCursor() == null) {
          break;
        }
        page = store.list(export.user(), export.query().withPage(page.nextCursor(), PAGE));
      }
      complete = true;
    } finally {
      audit.record(
          export.user(),
          AuditAction.EXPORT,
          CustomerService.KIND,
          null,
          Map.of(
              "rows",
              rows,
              "fields",
              COLUMNS,
              "revealedFields",
              export.reveal() ? PERSONAL_DATA : List.of(),
              "filters",
              filtersUsed(export.query()),
              "complete",
              complete));
    }
  }

  private static List<@Nullable Object> cells(CustomerResource c) {
    List<@Nullable Object> cells = new ArrayList<>();
    cells.add(c.id());
    cells.add(c.name());
    cells.add(c.kind());
    cells.add(c.lifecycleStage());
    cells.add(c.classification());
    cells.add(c.industry());
    cells.add(c.source());
    cells.add(c.city());
    cells.add(String.join(";", c.tags()));
    cells.add(c.ownerName());
    cells.add(c.phone());
    cells.add(c.email());
    cells.add(c.idCard());
    cells.add(c.birthday());
    cells.add(c.address());
    cells.add(c.preferences());
    cells.add(c.createdAt());
    return cells;
  }

  /**
   * The names of the filters, not their values: a search text may itself be a phone number or an
   * e-mail address.
   */
  private static List<String> filtersUsed(CustomerQuery query) {
    CustomerFilters filters = query.filters();
    List<String> used = new ArrayList<>();
    if (filters.q() != null && !filters.q().isBlank()) {
      used.add("q");
    }
    if (filters.lifecycleStage() != null) {
      used.add("lifecycleStage");
    }
    if (filters.classification() != null) {
      used.add("classification");
    }
    if (filters.kind() != null) {
      used.add("kind");
    }
    if (filters.ownerId() != null) {
      used.add("ownerId");
    }
    if (filters.tag() != null) {
      used.add("tag");
    }
    if (filters.city() != null) {
      used.add("city");
    }
    if (filters.industry() != null) {
      used.add("industry");
    }
    if (query.deleted()) {
      used.add("deleted");
    }
    query.customFields().keySet().forEach(key -> used.add("cf." + key));
    return used;
  }
}
