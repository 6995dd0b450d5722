package org.guanxi.crm.platform.internal.web;

import jakarta.servlet.MultipartConfigElement;
import java.util.List;
import org.guanxi.crm.platform.ETags;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.NoExchangeRate;
import org.guanxi.crm.platform.Problems;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.Refused;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.StorableText;
import org.guanxi.crm.platform.UnknownVersion;
import org.guanxi.crm.platform.VersionRequired;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} with a stable {@code type} and {@code code}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before PageProblems, which also applies to API controllers
class ApiProblems extends ResponseEntityExceptionHandler {

  private final ObjectProvider<MultipartConfigElement> uploadLimits;

  ApiProblems(ObjectProvider<MultipartConfigElement> uploadLimits) {
    this.uploadLimits = uploadLimits;
  }

  @ExceptionHandler
  ProblemDetail refused(Refused e) {
    return e.problem();
  }

  @ExceptionHandler
  ProblemDetail notFound(RecordNotFound e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> stale(StaleVersion e) {
    return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
        .eTag(ETags.of(e.currentVersion()))
        .body(
            Problems.of(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Changed by someone else",
                e.getMessage() + ". Read it again and reapply your change.",
                "currentVersion",
                e.currentVersion()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> versionRequired(VersionRequired e) {
    return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
        .body(versionRequired(e.getMessage()));
  }

  /**
   * An {@code If-Match} that names no version the CRM gives out can match none: the precondition
   * fails (412), as it does for a stale one, rather than the request being invalid.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownVersion(UnknownVersion e) {
    return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
        .body(
            Problems.of(
                HttpStatus.PRECONDITION_FAILED,
                "invalid-etag",
                "Not a version of this record",
                e.getMessage() + ". Read the record again and send its ETag."));
  }

  /** Every change of an existing record names the version it read ({@code ETags.version}). */
  private static ProblemDetail versionRequired(String detail) {
    return Problems.of(
        HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required", detail);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e instanceof MissingRequestHeaderException missing
        && HttpHeaders.IF_MATCH.equalsIgnoreCase(missing.getHeaderName())) {
      return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
          .body(versionRequired(new VersionRequired().getMessage()));
    }
    return super.handleServletRequestBindingException(e, headers, status, request);
  }

  @ExceptionHandler
  ProblemDetail unstorable(UnstorableParameter e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        StorableText.CODE,
        "Text that cannot be stored",
        "The parameter '"
            + e.parameter()
            + "' contains the character U+0000 (NUL), which cannot be stored or searched for;"
            + " remove it.",
        "parameter",
        e.parameter());
  }

  /**
   * Text with a NUL that reached the database unchecked, such as free text no command record
   * carries ({@link NulRefusal}).
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(DataIntegrityViolationException e)
      throws DataIntegrityViolationException {
    if (!NulRefusal.causedBy(e)) {
      throw e;
    }
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                StorableText.CODE,
                "Text that cannot be stored",
                "A parameter or field contains the character U+0000 (NUL), which cannot be"
                    + " stored or searched for; remove it."));
  }

  @ExceptionHandler
  ProblemDetail noExchangeRate(NoExchangeRate e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "no-exchange-rate",
            "No exchange rate",
            e.getMessage() + ". An administrator adds the rate on the exchange rates page.");
    problem.setProperty("currency", e.missing().currency());
    problem.setProperty("baseCurrency", e.missing().baseCurrency());
    problem.setProperty("onDate", e.missing().onDate().toString());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail invalid(InvalidInput e) {
    return validation(e.errors());
  }

  @ExceptionHandler
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return badParameter(e.getName());
  }

  /**
   * A query parameter of the wrong type (an unknown enum value, a malformed id): the request, not
   * its content, is wrong.
   */
  private static ProblemDetail badParameter(String name) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "bad-parameter",
        "Bad parameter",
        "The parameter '" + name + "' has an invalid value.",
        "parameter",
        name);
  }

  @ExceptionHandler
  ProblemDetail forbidden(AccessDeniedException e) {
    return Problems.of(
        HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this.");
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var mismatch =
        e.getBindingResult().getFieldErrors().stream()
            .filter(f -> "typeMismatch".equals(f.getCode()))
            .findFirst();
    if (mismatch.isPresent()) {
      return ResponseEntity.badRequest().body(badParameter(mismatch.get().getField()));
    }
    List<InvalidInput.FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    new InvalidInput.FieldError(
                        f.getField(),
                        String.valueOf(f.getCode()).toLowerCase(),
                        String.valueOf(f.getDefaultMessage())))
            .toList();
    return ResponseEntity.unprocessableContent().body(validation(errors));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "unreadable-body",
                "Unreadable request",
                "The request body is not valid JSON of the expected shape."));
  }

  /**
   * A request without the file part, or not multipart at all, to an endpoint that takes a file. (An
   * upload over the limit is refused before it gets here; see {@code UploadLimit}.)
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(UploadProblems.fileRequired(e.getRequestPartName()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notMultipart(MultipartException e) {
    return ResponseEntity.badRequest().body(UploadProblems.fileRequired("file"));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(UploadProblems.fileTooLarge(uploadLimits.getIfAvailable()));
  }

  static ProblemDetail validation(List<InvalidInput.FieldError> errors) {
    return Problems.of(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "validation",
        "Invalid input",
        "Some fields are not valid; nothing was saved.",
        "errors",
        errors);
  }
}
