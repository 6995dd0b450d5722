package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.privacy.Masking;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Rows held as possible duplicates, as the API and the pages show them: personal data masked as
 * everywhere.
 */
@Component
class HeldRows {

  /** The existing customer a row may duplicate; only when the user may see it. */
  record Candidate(UUID id, String name) {}

  record HeldRow(
      int row,
      RowStatus status,
      @Nullable String name,
      @Nullable String phone,
      @Nullable String email,
      List<DuplicateFinder.Reason> reasons,
      @Nullable Candidate candidate,
      @Nullable UUID customerId) {}

  private final Customers customers;

  HeldRows(Customers customers) {
    this.customers = customers;
  }

  List<HeldRow> of(CurrentUser user, CustomerImport job, List<CustomerImport.Row> rows) {
    return rows.stream()
        .map(
            row ->
                new HeldRow(
                    row.number(),
                    row.status(),
                    value(job, row, CustomerImportField.NAME),
                    Masking.mask(SensitiveField.PHONE, value(job, row, CustomerImportField.PHONE)),
                    Masking.mask(SensitiveField.EMAIL, value(job, row, CustomerImportField.EMAIL)),
                    row.reasons(),
                    row.candidateId() == null
                        ? null
                        : customers
                            .find(user, row.candidateId())
                            .map(CustomerSummary::name)
                            .map(name -> new Candidate(row.candidateId(), name))
                            .orElse(null),
                    row.customerId()))
        .toList();
  }

  private static @Nullable String value(
      CustomerImport job, CustomerImport.Row row, CustomerImportField field) {
    return job.mapping().entrySet().stream()
        .filter(e -> e.getValue().equals(field.key()))
        .map(e -> row.values().get(e.getKey()))
        .findFirst()
        .orElse(null);
  }
}
