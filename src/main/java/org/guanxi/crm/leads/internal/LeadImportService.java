package org.guanxi.crm.leads.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportFile;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.ContactValues;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports leads from a CSV or Excel file within the request: a lead import is small (at most {@link
 * LeadImport#MAX_ROWS} rows), so the user gets the outcome at once and nothing waits in a queue.
 * Every row is checked by the rules of the lead form; a row with the same e-mail or phone as an
 * earlier row or an existing lead is a possible duplicate, skipped or imported as the user chose,
 * and listed either way. The valid rows become leads in one transaction, each given to the owner
 * chosen or else by the assignment rules (the importer when none matches), as web-form leads are.
 */
@Service
class LeadImportService {

  static final String KIND = "lead import";

  /** A valid row, its e-mail and phone normalised. */
  private record Checked(
      int number,
      List<String> cells,
      LeadDraft draft,
      @Nullable String email,
      @Nullable String phone) {}

  /** A valid row that looks like an earlier row or an existing lead. */
  private record Flagged(
      Checked checked,
      List<LeadImport.Problem> problems,
      @Nullable Integer earlierRow,
      @Nullable UUID existingLead,
      boolean created) {}

  private final LeadService leads;
  private final LeadImportStore store;
  private final BlindIndex blindIndex;
  private final JdbcClient jdbc;
  private final Clock clock;

  LeadImportService(
      LeadService leads,
      LeadImportStore store,
      BlindIndex blindIndex,
      JdbcClient jdbc,
      Clock clock) {
    this.leads = leads;
    this.store = store;
    this.blindIndex = blindIndex;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  LeadImport run(
      CurrentUser user,
      @Nullable String fileName,
      byte[] content,
      Map<String, @Nullable String> choices,
      LeadImport.Duplicates duplicatePolicy,
      @Nullable UUID ownerId) {
    if (content.length > LeadImport.MAX_BYTES) {
      throw new InvalidInput(
          "file", "file-too-large", "A lead import takes files of up to 10 MB; split the file");
    }
    if (ownerId != null
        && leads.assignableOwners(user).stream().noneMatch(u -> u.id().equals(ownerId))) {
      throw new InvalidInput(
          "ownerId", "owner-not-allowed", "No active user with this id you may give leads to");
    }
    List<ImportFile.Row> rows = new ArrayList<>();
    ImportFile.of(content)
        .read(
            row -> {
              if (rows.size() > LeadImport.MAX_ROWS) {
                throw new InvalidInput(
                    "file",
                    "too-many-rows",
                    "A lead import takes up to " + LeadImport.MAX_ROWS + " rows; split the file");
              }
              rows.add(row);
            });
    if (rows.size() < 2) {
      throw new InvalidInput("file", "no-rows", "The file has no rows below its header");
    }
    List<String> headers = ImportFile.uniqueHeaders(rows.get(0).cells());
    ColumnMapping<LeadImportField> mapping = mapping(headers, choices);
    Map<LeadImportField, Integer> positions = mapping.positions(headers);

    List<LeadImport.Row> reported = new ArrayList<>();
    List<Checked> valid = new ArrayList<>();
    for (ImportFile.Row row : rows.subList(1, rows.size())) {
      LeadDraft draft = draft(row.cells(), positions, ownerId);
      try {
        leads.check(draft);
        valid.add(
            new Checked(
                row.number(),
                row.cells(),
                draft,
                ContactValues.email("email", draft.email()),
                ContactValues.phone("phone", draft.phone())));
      } catch (InvalidInput e) {
        reported.add(
            new LeadImport.Row(
                row.number(),
                LeadImport.Outcome.REJECTED,
                e.errors().stream().map(error -> problem(error, mapping)).toList(),
                null,
                null,
                null,
                row.cells()));
      }
    }

    Map<String, UUID> existingEmails = existing(user, SensitiveField.EMAIL, valid);
    Map<String, UUID> existingPhones = existing(user, SensitiveField.PHONE, valid);
    Map<String, Integer> seenEmails = new HashMap<>();
    Map<String, Integer> seenPhones = new HashMap<>();
    List<Checked> toCreate = new ArrayList<>();
    List<Flagged> flagged = new ArrayList<>();
    for (Checked row : valid) {
      List<LeadImport.Problem> problems = new ArrayList<>();
      Integer earlierRow = null;
      UUID existingLead = null;
      boolean existing = false;
      if (row.email() != null) {
        earlierRow = seenEmails.putIfAbsent(row.email(), row.number());
        if (earlierRow != null) {
          problems.add(inFile(LeadImportField.EMAIL, mapping, earlierRow));
        }
        if (existingEmails.containsKey(row.email())) {
          existing = true;
          existingLead = nonZero(existingEmails.get(row.email()));
          problems.add(ofLead(LeadImportField.EMAIL, mapping));
        }
      }
      if (row.phone() != null) {
        Integer earlierPhone = seenPhones.putIfAbsent(row.phone(), row.number());
        if (earlierPhone != null) {
          problems.add(inFile(LeadImportField.PHONE, mapping, earlierPhone));
          earlierRow = earlierRow == null ? earlierPhone : Math.min(earlierRow, earlierPhone);
        }
        if (existingPhones.containsKey(row.phone())) {
          existing = true;
          existingLead =
              existingLead != null ? existingLead : nonZero(existingPhones.get(row.phone()));
          problems.add(ofLead(LeadImportField.PHONE, mapping));
        }
      }
      boolean duplicate = earlierRow != null || existing;
      boolean create = !duplicate || duplicatePolicy == LeadImport.Duplicates.IMPORT;
      if (create) {
        toCreate.add(row);
      }
      if (duplicate) {
        flagged.add(new Flagged(row, problems, earlierRow, existingLead, create));
      }
    }

    List<LeadDraft> drafts = toCreate.stream().map(Checked::draft).toList();
    List<UUID> created =
        drafts.isEmpty()
            ? List.of()
            : ownerId == null
                ? leads.createAllAssigned(drafts, user.id())
                : leads.createAllOwnedBy(user, drafts, ownerId);
    Map<Integer, UUID> leadByRow = new HashMap<>();
    for (int i = 0; i < created.size(); i++) {
      leadByRow.put(toCreate.get(i).number(), created.get(i));
    }
    for (Flagged row : flagged) {
      reported.add(
          new LeadImport.Row(
              row.checked().number(),
              row.created()
                  ? LeadImport.Outcome.DUPLICATE_IMPORTED
                  : LeadImport.Outcome.DUPLICATE_SKIPPED,
              row.problems(),
              row.earlierRow(),
              row.existingLead(),
              leadByRow.get(row.checked().number()),
              row.checked().cells()));
    }
    int imported = created.size();
    int duplicates = flagged.size();
    reported.sort((a, b) -> Integer.compare(a.number(), b.number()));
    LeadImport done =
        new LeadImport(
            Ids.newId(),
            user.id(),
            fileName == null || fileName.isBlank() ? "leads.csv" : fileName.strip(),
            headers,
            mapping.keys(),
            duplicatePolicy,
            ownerId,
            rows.size() - 1,
            imported,
            rows.size() - 1 - valid.size(),
            duplicates,
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    store.insert(done, reported);
    return done;
  }

  /** An import the user ran. */
  LeadImport get(CurrentUser user, UUID id) {
    return store.find(user.id(), id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /** The rows of an import the user ran that were rejected or were possible duplicates. */
  List<LeadImport.Row> reportedRows(CurrentUser user, UUID id) {
    return store.rows(get(user, id).id());
  }

  private static LeadDraft draft(
      List<String> cells, Map<LeadImportField, Integer> positions, @Nullable UUID ownerId) {
    return new LeadDraft(
        cell(cells, positions, LeadImportField.NAME),
        cell(cells, positions, LeadImportField.COMPANY),
        cell(cells, positions, LeadImportField.TITLE),
        cell(cells, positions, LeadImportField.PHONE),
        cell(cells, positions, LeadImportField.EMAIL),
        cell(cells, positions, LeadImportField.SOURCE),
        cell(cells, positions, LeadImportField.CITY),
        cell(cells, positions, LeadImportField.INDUSTRY),
        cell(cells, positions, LeadImportField.NOTES),
        null,
        ownerId);
  }

  private static @Nullable String cell(
      List<String> cells, Map<LeadImportField, Integer> positions, LeadImportField field) {
    Integer at = positions.get(field);
    return at == null || at >= cells.size() ? null : FreeText.stripped(cells.get(at));
  }

  /**
   * The existing leads of the workspace with one of the rows' e-mail addresses or phone numbers,
   * found through the blind index: normalised value → the lead's id when the user may see it, else
   * the zero id (the row is flagged all the same, without naming a lead the user may not see).
   */
  private Map<String, UUID> existing(CurrentUser user, SensitiveField field, List<Checked> rows) {
    Map<String, String> valueByHash = new HashMap<>();
    Set<String> values = new HashSet<>();
    for (Checked row : rows) {
      String value = field == SensitiveField.EMAIL ? row.email() : row.phone();
      if (value != null && values.add(value)) {
        valueByHash.put(hex(blindIndex.of(field, value)), value);
      }
    }
    if (valueByHash.isEmpty()) {
      return Map.of();
    }
    String column = field == SensitiveField.EMAIL ? "l.email_bidx" : "l.phone_bidx";
    RecordAccess.Condition visibility = RecordAccess.visible(user, LeadStore.HOLDING);
    Map<String, Object> params = new HashMap<>(visibility.params());
    params.put(
        "hashes",
        valueByHash.keySet().stream().map(LeadImportService::unhex).toArray(byte[][]::new));
    Map<String, UUID> found = new HashMap<>();
    jdbc.sql(
            "select "
                + column
                + " as hash, l.id, ("
                + visibility.sql()
                + ") as visible from sales_lead l where "
                + column
                + " = any(:hashes) order by l.created_at")
        .params(params)
        .query(
            rs -> {
              String value = valueByHash.get(hex(rs.getBytes("hash")));
              UUID id = rs.getBoolean("visible") ? rs.getObject("id", UUID.class) : NOT_VISIBLE;
              found.merge(value, id, (first, later) -> first.equals(NOT_VISIBLE) ? later : first);
            });
    return found;
  }

  private static final UUID NOT_VISIBLE = new UUID(0, 0);

  private static @Nullable UUID nonZero(@Nullable UUID id) {
    return id == null || id.equals(NOT_VISIBLE) ? null : id;
  }

  private static LeadImport.Problem problem(
      InvalidInput.FieldError error, ColumnMapping<LeadImportField> mapping) {
    String column =
        ColumnMapping.field(LeadImportField.class, error.field())
            .map(mapping::headerOf)
            .orElse(null);
    return new LeadImport.Problem(column, error.field(), error.code(), error.message());
  }

  private static LeadImport.Problem inFile(
      LeadImportField field, ColumnMapping<LeadImportField> mapping, int earlierRow) {
    return new LeadImport.Problem(
        mapping.headerOf(field),
        field.key(),
        "duplicate-in-file",
        "Row " + earlierRow + " has the same " + field.key());
  }

  private static LeadImport.Problem ofLead(
      LeadImportField field, ColumnMapping<LeadImportField> mapping) {
    return new LeadImport.Problem(
        mapping.headerOf(field),
        field.key(),
        "duplicate-of-lead",
        "A lead with the same " + field.key() + " exists");
  }

  private static String hex(byte @Nullable [] bytes) {
    return bytes == null ? "" : HexFormat.of().formatHex(bytes);
  }

  private static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /**
   * The columns of a file with these headers: recognised by their names, changed by what the user
   * chose; a lead needs its name or its company.
   */
  private static ColumnMapping<LeadImportField> mapping(
      List<String> headers, Map<String, @Nullable String> choices) {
    ColumnMapping<LeadImportField> mapping =
        ColumnMapping.recognise(LeadImportField.class, headers).with(choices, headers, "Leads");
    if (!mapping.fills(LeadImportField.NAME) && !mapping.fills(LeadImportField.COMPANY)) {
      throw new InvalidInput(
          "mapping", "name-not-mapped", "No column is mapped to the name or the company");
    }
    return mapping;
  }
}
