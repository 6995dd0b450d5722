package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guanxi.crm.support.GuanxiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' static files come compressed and are kept by the browser for a year under links that
 * carry their version, so that a second visit downloads none of them (ECharts is 661 KB).
 */
@GuanxiTest
class StaticAssetsTests {

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void linksCarryTheVersionAndTheFilesAreCachedForAYearAndCompressed() throws Exception {
    String login = get("/login", false).body();
    Matcher css = Pattern.compile("/css/guanxi\\.css\\?v=([0-9a-f]{12})").matcher(login);
    assertThat(css.find()).as("the stylesheet's link carries the version").isTrue();
    assertThat(login).contains("/webjars/htmx.org/dist/htmx.min.js?v=" + css.group(1));

    HttpResponse<byte[]> echarts =
        getBytes("/webjars/echarts/echarts.common.min.js?v=" + css.group(1));
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=31536000")
        .contains("public");
    assertThat(echarts.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(echarts.body().length).as("ECharts compressed").isLessThan(350_000);

    HttpResponse<byte[]> stylesheet = getBytes("/css/guanxi.css?v=" + css.group(1));
    assertThat(stylesheet.headers().firstValue("Cache-Control").orElse(""))
        .contains("max-age=31536000");
  }

  private HttpResponse<String> get(String path, boolean gzip) throws Exception {
    return http.send(request(path, gzip), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(request(path, true), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(String path, boolean gzip) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return request.build();
  }
}
