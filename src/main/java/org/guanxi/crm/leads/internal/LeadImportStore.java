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
import org.guanxi.crm.privacy.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Finished lead imports and their reported rows, those rows' cells sealed. */
@Repository
class LeadImportStore {

  private final JdbcClient jdbc;
  private final FieldCipher cipher;
  private final JsonMapper json;
  private final JdbcTemplate batchJdbc;

  LeadImportStore(JdbcClient jdbc, FieldCipher cipher, JsonMapper json, JdbcTemplate batchJdbc) {
    this.jdbc = jdbc;
    this.batchJdbc = batchJdbc;
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
            cipher.encrypt(json.writeValueAsString(row.cells()))
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
        .query(this::row)
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

  private LeadImport.Row row(ResultSet rs, int n) throws SQLException {
    Integer duplicateOfRow = rs.getObject("duplicate_of_row", Integer.class);
    return new LeadImport.Row(
        rs.getInt("row_number"),
        LeadImport.Outcome.valueOf(rs.getString("outcome")),
        json.readValue(rs.getString("problems"), new TypeReference<List<LeadImport.Problem>>() {}),
        duplicateOfRow,
        rs.getObject("duplicate_of_lead", UUID.class),
        rs.getObject("lead_id", UUID.class),
        json.readValue(
            Objects.requireNonNull(cipher.decrypt(rs.getBytes("cells_enc"))),
            new TypeReference<List<String>>() {}));
  }
}
