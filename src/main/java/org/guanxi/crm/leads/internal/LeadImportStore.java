package org.guanxi.crm.leads.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.imports.SealedImportRows;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finished lead imports and their reported rows, those rows' cells sealed for their row; a key
 * rotation seals them again through {@link #resealAfter}.
 */
@Repository
class LeadImportStore extends SealedImportRows {

  private static final int ROWS_RESEALED_PER_BATCH = 1_000;

  private final FieldCipher cipher;
  private final JsonMapper json;

  LeadImportStore(JdbcClient jdbc, FieldCipher cipher, JsonMapper json, JdbcTemplate batchJdbc) {
    super(
        jdbc,
        batchJdbc,
        "sales_lead_import_row",
        "row_number",
        List.of("cells_enc"),
        ROWS_RESEALED_PER_BATCH,
        (value, column, row) ->
            cipher.isCurrent(value)
                ? null
                : cipher.reseal(value, cells(row.importId(), row.number())));
    this.cipher = cipher;
    this.json = json;
  }

  void insert(LeadImport done, List<LeadImport.Row> rows) {
    jdbc.sql(
            """
            insert into sales_lead_import (workspace_id, id, user_id, file_name, headers, mapping, duplicate_policy,
              owner_id, total_rows, imported, rejected, duplicates, created_at)
            values (guanxi_current_workspace(), ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            done.id(),
            done.userId(),
            done.fileName(),
            done.headers().toArray(String[]::new),
            json.writeValueAsString(done.mapping()),
            done.duplicatePolicy().name(),
            done.ownerId(),
            done.totalRows(),
            done.imported(),
            done.rejected(),
            done.duplicates(),
            Timestamp.from(done.createdAt()))
        .update();
    List<Object[]> batch = new ArrayList<>();
    for (LeadImport.Row row : rows) {
      batch.add(
          new Object[] {
            done.id(),
            row.number(),
            row.outcome().name(),
            json.writeValueAsString(row.problems()),
            row.duplicateOfRow(),
            row.duplicateOfLead(),
            row.leadId(),
            cipher.encrypt(json.writeValueAsString(row.cells()), cells(done.id(), row.number()))
          });
    }
    if (!batch.isEmpty()) {
      batchJdbc.batchUpdate(
          """
          insert into sales_lead_import_row (workspace_id, import_id, row_number, outcome, problems,
            duplicate_of_row, duplicate_of_lead, lead_id, cells_enc)
          values (guanxi_current_workspace(), ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)
          """,
          batch);
    }
  }

  /** An import the user ran. */
  Optional<LeadImport> find(UUID userId, UUID id) {
    return jdbc.sql("select * from sales_lead_import where id = ? and user_id = ?")
        .params(id, userId)
        .query(this::leadImport)
        .optional();
  }

  List<LeadImport.Row> rows(UUID importId) {
    return jdbc.sql("select * from sales_lead_import_row where import_id = ? order by row_number")
        .params(importId)
        .query((rs, n) -> row(importId, rs))
        .list();
  }

  private LeadImport leadImport(ResultSet rs, int n) throws SQLException {
    return new LeadImport(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("file_name"),
        Arrays.asList((String[]) rs.getArray("headers").getArray()),
        json.readValue(rs.getString("mapping"), new TypeReference<Map<String, String>>() {}),
        LeadImport.Duplicates.valueOf(rs.getString("duplicate_policy")),
        rs.getObject("owner_id", UUID.class),
        rs.getInt("total_rows"),
        rs.getInt("imported"),
        rs.getInt("rejected"),
        rs.getInt("duplicates"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static FieldContext cells(UUID importId, int row) {
    return FieldContext.of("sales_lead_import_row", "cells_enc", importId, row);
  }

  private LeadImport.Row row(UUID importId, ResultSet rs) throws SQLException {
    int number = rs.getInt("row_number");
    Integer duplicateOfRow = rs.getObject("duplicate_of_row", Integer.class);
    return new LeadImport.Row(
        number,
        LeadImport.Outcome.valueOf(rs.getString("outcome")),
        json.readValue(rs.getString("problems"), new TypeReference<List<LeadImport.Problem>>() {}),
        duplicateOfRow,
        rs.getObject("duplicate_of_lead", UUID.class),
        rs.getObject("lead_id", UUID.class),
        json.readValue(
            Objects.requireNonNull(
                cipher.decrypt(rs.getBytes("cells_enc"), cells(importId, number))),
            new TypeReference<List<String>>() {}));
  }
}
