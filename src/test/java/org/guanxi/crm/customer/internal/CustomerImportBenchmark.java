package org.guanxi.crm.customer.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.guanxi.crm.privacy.SensitiveField;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How fast a CSV import runs next to COPY of the same customers (sealed and indexed the same way)
 * into an empty twin of the customer table with the same columns, constraints and indexes, as the
 * table owner (COPY does not work under row-level security). Prints figures, asserts nothing; not
 * part of the test run: {@code ./mvnw test -Dtest=CustomerImportBenchmark -Dbenchmark.rows=20000}
 * (at a million rows add {@code -Dtest.heap=10g}).
 */
@GuanxiTest
class CustomerImportBenchmark {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  @Autowired
  @Qualifier("migrationDataSource")
  DataSource owner;

  @Autowired FieldCipher cipher;
  @Autowired BlindIndex blindIndex;
  @Autowired UserDirectory users;

  @Test
  void importNextToCopy() throws Exception {
    int rows = Integer.getInteger("benchmark.rows", 10_000);
    TestWorkspace workspace = workspaces.create();
    var admin = workspace.member(Role.ADMINISTRATOR);
    List<UserSummary> owners = workspace.in(() -> users.activeUsers());
    CustomerGenerator generator = new CustomerGenerator(7);
    java.util.Random random = new java.util.Random(7);
    List<CustomerStore.Content> customers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder csv =
        new StringBuilder("name,kind,city,industry,source,phone,email,birthday,address,tags\n");
    for (int i = 0; i < rows; i++) {
      CustomerStore.Content c = generator.next(owners, LocalDate.of(2026, 1, 1));
      customers.add(c);
      names.add(distinct(c.name(), random));
      PersonalData p = c.personal();
      csv.append(names.get(i))
          .append(',')
          .append(c.kind())
          .append(',')
          .append(c.city())
          .append(',')
          .append(c.industry())
          .append(',')
          .append(c.source())
          .append(',')
          .append(p.phone())
          .append(',')
          .append(text(p.email()))
          .append(',')
          .append(text(p.birthday()))
          .append(',')
          .append(text(p.address()))
          .append(',')
          .append(String.join(";", c.tags()))
          .append('\n');
    }

    long start = System.nanoTime();
    String location =
        mvc.perform(
                multipart("/api/v1/customers/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "benchmark.csv",
                            "text/csv",
                            csv.toString().getBytes(StandardCharsets.UTF_8)))
                    .header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    String job;
    do {
      Thread.sleep(20);
      job =
          mvc.perform(get(location).header("Authorization", admin.bearer()))
              .andReturn()
              .getResponse()
              .getContentAsString();
    } while (!List.of("DONE", "FAILED").contains(JsonPath.<String>read(job, "$.status")));
    double importSeconds = (System.nanoTime() - start) / 1e9;
    // printed at once too: the COPY that follows holds every row in memory
    System.out.printf("%nimport done: %.2f s (%.0f rows/s)%n", importSeconds, rows / importSeconds);

    TestWorkspace other = workspaces.create();
    var copyOwner = other.member(Role.ADMINISTRATOR);
    start = System.nanoTime();
    StringBuilder copy = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      CustomerStore.Content c = customers.get(i);
      SearchKeys.Keys keys = SearchKeys.of(names.get(i));
      PersonalData p = c.personal();
      UUID id = Ids.newId();
      copy.append(
              String.join(
                  "\t",
                  other.id().toString(),
                  id.toString(),
                  c.kind().name(),
                  names.get(i),
                  c.city(),
                  c.lifecycleStage().name(),
                  c.classification().name(),
                  "{}",
                  copyOwner.id().toString(),
                  hex(sealed(other, p.phone(), "phone_enc", id)),
                  hex(blindIndex.of(SensitiveField.PHONE, p.phone())),
                  hex(
                      blindIndex.of(
                          SensitiveField.PHONE_TAIL, SensitiveValues.phoneTail(p.phone()))),
                  hex(sealed(other, p.email(), "email_enc", id)),
                  hex(blindIndex.of(SensitiveField.EMAIL, p.email())),
                  hex(
                      sealed(
                          other,
                          p.birthday() == null ? null : p.birthday().toString(),
                          "birthday_enc",
                          id)),
                  hex(sealed(other, p.address(), "address_enc", id)),
                  keys.name(),
                  keys.latin(),
                  "{"
                      + String.join(",", keys.grams().stream().map(g -> "\"" + g + "\"").toList())
                      + "}",
                  NameKeys.arrayLiteral(NameKeys.of(keys.name())),
                  "2026-01-01 00:00:00+00",
                  "2026-01-01 00:00:00+00"))
          .append('\n');
    }
    double prepareSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    try (Connection connection = owner.getConnection()) {
      // an empty twin with the same columns, constraints and indexes, as the import started with
      connection
          .createStatement()
          .execute(
              "drop table if exists customer_copy_twin; "
                  + "create table customer_copy_twin (like customer including all)");
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy customer_copy_twin (workspace_id, id, kind, name, city, lifecycle_stage, classification, tags, owner_id, phone_enc, "
                  + "phone_bidx, phone_tail_bidx, email_enc, email_bidx, birthday_enc, address_enc, search_name, search_latin, "
                  + "search_grams, name_keys, created_at, updated_at) from stdin",
              new StringReader(copy.toString()));
    }
    double copySeconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(
        "%nimport of %d customers: %.2f s (%.0f rows/s), %s%n",
        rows,
        importSeconds,
        rows / importSeconds,
        JsonPath.read(job, "$['imported','duplicates','rejected']").toString());
    System.out.printf(
        "COPY of the same: preparing %.2f s + copying %.2f s (%.0f rows/s)%n",
        prepareSeconds, copySeconds, rows / (prepareSeconds + copySeconds));
    System.out.printf(
        "import speed / COPY speed: %.0f%% (COPY alone: %.0f%%)%n%n",
        100 * (prepareSeconds + copySeconds) / importSeconds, 100 * copySeconds / importSeconds);
  }

  /** A customer's value sealed as the import seals it, for its workspace, column and row. */
  private byte @Nullable [] sealed(
      TestWorkspace workspace, @Nullable String value, String column, UUID id) {
    return workspace.in(() -> cipher.encrypt(value, FieldContext.of("customer", column, id)));
  }

  private static final String CHARACTERS =
      "明华国建文志海德永春秋山水云天龙凤嘉庆福瑞祥和安宁静怡欣悦思远博雅俊杰浩然宇轩梓涵子墨一诺雨桐佳琪晨曦若汐景行"
          + "锦程鹏飞振兴光辉昌盛兴旺宏达鸿运恒通信诚金银铜铁石玉珠宝丰泰隆昇晟辰星月阳光东南西北中原江河湖泽林森松柏竹梅兰菊";

  /**
   * The generator's names repeat; two characters more make them as varied as real customers' names
   * are.
   */
  private static String distinct(String name, java.util.Random random) {
    String middle =
        ""
            + CHARACTERS.charAt(random.nextInt(CHARACTERS.length()))
            + CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
    if (!name.matches(".*\\p{IsHan}.*")) {
      return name + " " + Long.toString(random.nextLong() & 0xffffff, 36);
    }
    return name.length() <= 3
        ? name.charAt(0) + middle
        : name.substring(0, 2) + middle + name.substring(2);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "\\N" : "\\\\x" + HexFormat.of().formatHex(bytes);
  }
}
