package org.guanxi.crm.platform.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;

/**
 * The version of the pages' static files — the CSS and scripts under {@code static/} and the
 * WebJars the pages load (htmx, ECharts) — as a hash of what they are: every link to them carries
 * it ({@code ?v=}), so that browsers keep them for a year (the cache headers say so) and fetch them
 * again exactly when they change. Every node of the same build computes the same version.
 */
@Component
class StaticAssets {

  /** The WebJars the pages load. */
  static final List<String> WEBJARS = List.of("htmx.org", "echarts");

  private final String version;

  StaticAssets(ResourcePatternResolver files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Resource[] own = files.getResources("classpath:/static/**/*.*");
      Arrays.sort(own, Comparator.comparing(StaticAssets::path));
      for (Resource file : own) {
        digest.update(path(file).getBytes(StandardCharsets.UTF_8));
        try (InputStream in = file.getInputStream()) {
          digest.update(in.readAllBytes());
        }
      }
      WebJarVersionLocator webjars = new WebJarVersionLocator();
      for (String webjar : WEBJARS) {
        digest.update((webjar + "@" + webjars.version(webjar)).getBytes(StandardCharsets.UTF_8));
      }
      this.version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the static files", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String version() {
    return version;
  }

  private static String path(Resource file) {
    try {
      return file.getURL().toString().replaceFirst(".*/static/", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
