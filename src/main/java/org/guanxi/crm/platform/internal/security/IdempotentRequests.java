package org.guanxi.crm.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.guanxi.crm.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key is carried out and its answer kept;
 * a repeat with the same key and body gets the same answer without doing the work again. The same
 * key with another body is refused (422); a repeat while the first is still running is told to wait
 * (409). An answer marked {@code Cache-Control: no-store}, such as a new API token, is never kept:
 * a repeat is carried out again. Answers are kept sealed for 24 hours ({@link IdempotentAnswers}).
 */
final class IdempotentRequests extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 200;

  private final IdempotentAnswers answers;

  IdempotentRequests(IdempotentAnswers answers) {
    this.answers = answers;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getHeader(HEADER).strip();
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      ProblemResponses.write(
          response,
          HttpStatus.BAD_REQUEST,
          "invalid-idempotency-key",
          "Invalid Idempotency-Key",
          "An Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " characters.");
      return;
    }
    // a multipart body is left to the container, which parses it from the stream; its parts are
    // hashed instead
    boolean multipart =
        request.getContentType() != null
            && request.getContentType().toLowerCase().startsWith("multipart/");
    byte[] body = multipart ? partsOf(request) : request.getInputStream().readAllBytes();
    byte[] hash = hash(request.getRequestURI(), body);
    IdempotentAnswers.Key answerKey = new IdempotentAnswers.Key(user.id(), key);
    if (!answers.begin(answerKey, hash)) {
      replay(answerKey, hash, response);
      return;
    }
    var captured = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(multipart ? request : new ReplayableRequest(request, body), captured);
    } finally {
      remember(answerKey, captured);
      captured.copyBodyToResponse();
    }
  }

  private void remember(IdempotentAnswers.Key key, ContentCachingResponseWrapper response) {
    if (response.getStatus() >= 500 || mustNotBeStored(response)) {
      // a failure is not an answer, and a secret is not kept: the client may try again with the
      // same key
      answers.forget(key);
      return;
    }
    answers.keep(
        key,
        response.getStatus(),
        response.getContentType(),
        response.getContentAsByteArray(),
        response.getHeader("Location"));
  }

  private static boolean mustNotBeStored(HttpServletResponse response) {
    String cacheControl = response.getHeader("Cache-Control");
    return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-store");
  }

  private void replay(IdempotentAnswers.Key key, byte[] hash, HttpServletResponse response)
      throws IOException {
    Optional<IdempotentAnswers.Answer> stored = answers.find(key);
    if (stored.isEmpty() || stored.get().status() == null) {
      ProblemResponses.write(
          response,
          HttpStatus.CONFLICT,
          "idempotent-request-in-progress",
          "Request in progress",
          "A request with this Idempotency-Key is still being carried out; try again shortly.");
      return;
    }
    IdempotentAnswers.Answer answer = stored.get();
    if (!Arrays.equals(answer.requestHash(), hash)) {
      ProblemResponses.write(
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "idempotency-key-reused",
          "Idempotency-Key reused",
          "This Idempotency-Key was used for a different request.");
      return;
    }
    response.setStatus(answer.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (answer.type() != null) {
      response.setContentType(answer.type());
    }
    if (answer.location() != null) {
      response.setHeader("Location", answer.location());
    }
    if (answer.body() != null) {
      response.getOutputStream().write(answer.body());
    }
  }

  /**
   * The names, file names and contents of a multipart request's parts, as one sequence of bytes to
   * hash.
   */
  private static byte[] partsOf(HttpServletRequest request) throws IOException, ServletException {
    var out = new java.io.ByteArrayOutputStream();
    for (var part : request.getParts()) {
      out.write(
          (part.getName() + "\u0000" + part.getSubmittedFileName() + "\u0000")
              .getBytes(StandardCharsets.UTF_8));
      try (var in = part.getInputStream()) {
        in.transferTo(out);
      }
    }
    return out.toByteArray();
  }

  private static byte[] hash(String uri, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(uri.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return digest.digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request with its body read once and offered again to the controller. */
  private static final class ReplayableRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    ReplayableRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
