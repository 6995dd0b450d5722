package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload repeated with the same Idempotency-Key starts one import, over real HTTP as a client
 * sends it.
 */
@GuanxiTest
class IdempotentImportTests {

  @LocalServerPort int port;
  @Autowired TestWorkspaces workspaces;

  @Test
  void aRepeatedUploadWithTheSameKeyStartsOneImport() throws Exception {
    Member admin = workspaces.create().member(Role.ADMINISTRATOR);
    HttpResponse<String> first = upload(admin, "k-upload", "name,phone\n张伟,13800138000\n");
    HttpResponse<String> again = upload(admin, "k-upload", "name,phone\n张伟,13800138000\n");
    HttpResponse<String> other = upload(admin, "k-upload", "name,phone\n李娜,13900139000\n");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency-key-reused");
  }

  private HttpResponse<String> upload(Member member, String key, String csv) throws Exception {
    String boundary = "----guanxi-test-boundary";
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/customers/import"))
                .header("Authorization", member.bearer())
                .header("Idempotency-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
