package org.guanxi.crm.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole Online Retail data set (UCI, 541,909 lines, see {@code ../shared/data/online-retail/})
 * imported end to end as a user would: the gzip-compressed file as it is, customers and products
 * created from their keys, prices in GBP. Prints the counts and lines per second, and checks the
 * counts against the file's own (worked out independently, see docs/benchmarks.md). Skipped when
 * the file is not there; never part of the test run: {@code ./mvnw test
 * -Dtest=OnlineRetailImportBenchmark}.
 */
@GuanxiTest
@TestPropertySource(properties = "guanxi.order-imports.lines-per-batch=10000")
class OnlineRetailImportBenchmark {

  static final Path FILE = Path.of("../shared/data/online-retail/online_retail.csv.gz");

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  @Test
  void theWholeOnlineRetailFileImports() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(FILE), "no " + FILE.toAbsolutePath());
    var admin = workspaces.create().member(Role.ADMINISTRATOR);
    byte[] file = Files.readAllBytes(FILE);

    long start = System.nanoTime();
    String location =
        mvc.perform(
                multipart("/api/v1/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file", "online_retail.csv.gz", "application/gzip", file))
                    .param(
                        "options",
                        "{\"createCustomers\":true,\"createProducts\":true,\"defaultCurrency\":\"GBP\"}")
                    .header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    double uploadSeconds = (System.nanoTime() - start) / 1e9;
    String job;
    do {
      Thread.sleep(200);
      job =
          mvc.perform(get(location).header("Authorization", admin.bearer()))
              .andReturn()
              .getResponse()
              .getContentAsString();
    } while (!List.of("DONE", "FAILED").contains(JsonPath.<String>read(job, "$.status")));
    double seconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(
        "%nOnline Retail: %s%nupload (read, checked, stored) %.1f s, done after %.1f s: %.0f lines/s%n%n",
        JsonPath.read(
                job,
                "$['status','totalLines','linesImported','ordersCreated','returnsCreated','linesWithoutCustomer',"
                    + "'linesRejected','customersCreated','productsCreated','customersSettled']")
            .toString(),
        uploadSeconds,
        seconds,
        541_909 / seconds);
    assertThat(JsonPath.<String>read(job, "$.status")).isEqualTo("DONE");
    assertThat(JsonPath.<Integer>read(job, "$.totalLines")).isEqualTo(541_909);
    assertThat(JsonPath.<Integer>read(job, "$.linesWithoutCustomer")).isEqualTo(135_080);
    assertThat(JsonPath.<Integer>read(job, "$.linesRejected")).isZero();
    assertThat(JsonPath.<Integer>read(job, "$.linesImported")).isEqualTo(406_829);
    assertThat(JsonPath.<Integer>read(job, "$.ordersCreated")).isEqualTo(18_536);
    assertThat(JsonPath.<Integer>read(job, "$.returnsCreated")).isEqualTo(3_654);
    assertThat(JsonPath.<Integer>read(job, "$.customersCreated")).isEqualTo(4_372);
    assertThat(JsonPath.<Integer>read(job, "$.productsCreated")).isEqualTo(3_684);
  }
}
