package org.guanxi.crm.platform.internal.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the {@code If-Match} of every API change of an existing record in one place, so that
 * each operation says the same: the header is required, and what each refusal means.
 */
@Component
class VersionedChangeDocumentation implements GlobalOperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    if (operation.getParameters() == null) {
      return operation;
    }
    boolean versioned = false;
    for (var parameter : operation.getParameters()) {
      if ("header".equals(parameter.getIn())
          && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
        parameter.setRequired(true);
        parameter.setDescription(
            "The ETag of the record as you read it, such as \"3\". Required: without it (or with"
                + " *) 428 if-match-required; a stale one 412 stale-version with the current"
                + " ETag; one the CRM never gave out 412 invalid-etag. Nothing is changed then.");
        versioned = true;
      }
    }
    if (versioned) {
      ApiResponses responses =
          operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      responses.putIfAbsent(
          "412",
          new ApiResponse()
              .description(
                  "Changed by someone else since you read it (stale-version), or If-Match names no"
                      + " version (invalid-etag): read it again and reapply your change"));
      responses.putIfAbsent(
          "428", new ApiResponse().description("No If-Match, or If-Match: * (if-match-required)"));
      operation.setResponses(responses);
    }
    return operation;
  }
}
