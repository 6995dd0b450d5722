package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.MultipartConfigElement;
import org.guanxi.crm.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problems of an uploaded file, the same for every upload of the API: no file ({@code
 * file-required}, 400) and a file over the upload limit ({@code file-too-large}, 413). The limit is
 * the servlet container's ({@code spring.servlet.multipart.max-file-size} and {@code
 * max-request-size}), which refuses a larger request while reading it.
 */
public final class UploadProblems {

  private static final long KB = 1024;
  private static final long MB = KB * KB;

  private UploadProblems() {}

  public static ProblemDetail fileRequired(String part) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "file-required",
        "File required",
        "Send the file as multipart/form-data, in a part named '" + part + "'.",
        "part",
        part);
  }

  public static ProblemDetail fileTooLarge(@Nullable MultipartConfigElement limits) {
    String limit = limit(limits);
    ProblemDetail problem =
        Problems.of(
            HttpStatus.CONTENT_TOO_LARGE,
            "file-too-large",
            "File too large",
            limit == null
                ? "The file is larger than the upload limit."
                : "The file is larger than the upload limit of " + limit + ".");
    if (limit != null) {
      problem.setProperty("limit", limit);
    }
    return problem;
  }

  /**
   * The smaller of the file and the request limit, as people write it ({@code 100 MB}, {@code 1
   * KB}); null when there is none.
   */
  public static @Nullable String limit(@Nullable MultipartConfigElement limits) {
    if (limits == null) {
      return null;
    }
    long file = limits.getMaxFileSize();
    long request = limits.getMaxRequestSize();
    long bytes = file <= 0 ? request : request <= 0 ? file : Math.min(file, request);
    if (bytes <= 0) {
      return null;
    }
    if (bytes % MB == 0) {
      return bytes / MB + " MB";
    }
    if (bytes % KB == 0) {
      return bytes / KB + " KB";
    }
    return bytes + " bytes";
  }
}
