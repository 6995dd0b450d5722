package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.guanxi.crm.platform.internal.web.UploadProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * Refuses an upload over the limit ({@code spring.servlet.multipart.max-file-size} and {@code
 * max-request-size}) in the one way its caller understands. The servlet container finds the file
 * too large while it reads the request, before a controller is chosen: for the pages, in the CSRF
 * check, which reads the form; for the API, in the idempotency filter or the dispatcher. This
 * filter reads the parts first: an API caller gets the problem {@code file-too-large} (413), a
 * browser is sent back to the form it came from (303), which shows the limit (flash attribute
 * {@value #FLASH_ATTRIBUTE}). Any other fault of the request is left to whoever reads it next, as
 * before. The container keeps the parts it read, so the request is not read twice.
 */
final class UploadLimit extends OncePerRequestFilter {

  /** The flash attribute that tells the form the upload was too large: the limit, as text. */
  static final String FLASH_ATTRIBUTE = "fileTooLarge";

  private interface Refusal {
    void send(HttpServletRequest request, HttpServletResponse response) throws IOException;
  }

  private final MultipartResolver multipart;
  private final Refusal refusal;

  private UploadLimit(MultipartResolver multipart, Refusal refusal) {
    this.multipart = multipart;
    this.refusal = refusal;
  }

  /** For the API: the problem {@code file-too-large} with 413. */
  static UploadLimit forApi(MultipartResolver multipart, @Nullable MultipartConfigElement limits) {
    return new UploadLimit(
        multipart,
        (request, response) ->
            ProblemResponses.write(response, UploadProblems.fileTooLarge(limits)));
  }

  /** For the pages: back to the page of the form (303), with the limit to show. */
  static UploadLimit forPages(
      MultipartResolver multipart,
      @Nullable MultipartConfigElement limits,
      FlashMapManager flashMaps) {
    return new UploadLimit(
        multipart,
        (request, response) -> {
          String limit = UploadProblems.limit(limits);
          FlashMap flash = new FlashMap();
          flash.put(FLASH_ATTRIBUTE, limit == null ? "" : limit);
          flash.setTargetRequestPath(request.getRequestURI());
          flashMaps.saveOutputFlashMap(flash, request, response);
          response.setStatus(HttpStatus.SEE_OTHER.value());
          response.setHeader(HttpHeaders.LOCATION, request.getRequestURI());
        });
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !multipart.isMultipart(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      // parses the parts now; the container keeps them for the dispatcher
      multipart.resolveMultipart(request);
    } catch (MaxUploadSizeExceededException e) {
      refusal.send(request, response);
      return;
    } catch (MultipartException e) {
      // another fault of the request: answered where it is read, as before
    }
    chain.doFilter(request, response);
  }
}
