package org.guanxi.crm.platform.internal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;

/**
 * Describes the {@code If-Match} of every API change of an existing record in one place, so that
 * each operation says the same: the header is required, what each refusal means, and (after the
 * operation's own description) that the caller sends the ETag it read. An {@link IfMatch} and a
 * {@link VersionedPatch} are described as what they are read from: the {@code If-Match} header and
 * a JSON merge patch body.
 */
@Component
class VersionedChangeDocumentation implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

  /** What every change of an existing record asks of the caller. */
  static final String CONTRACT = "Send If-Match with the ETag you read: a stale one gets 412.";

  /** Marks a patch's body until the document is complete and the body's schema can be added. */
  private static final String PATCH = "x-guanxi-merge-patch";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class, VersionedPatch.class);
  }

  @Override
  public Operation customize(Operation operation, HandlerMethod handlerMethod) {
    if (VersionedChangeArguments.takesPatch(handlerMethod.getMethod())) {
      RequestBody body = new RequestBody().required(true);
      body.addExtension(PATCH, true);
      operation.setRequestBody(body);
    }
    if (VersionedChangeArguments.takesIfMatch(handlerMethod.getMethod())) {
      operation.addParametersItem(
          new HeaderParameter()
              .name(HttpHeaders.IF_MATCH)
              .required(true)
              .schema(new StringSchema()));
    }
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
      operation.setDescription(withContract(operation.getDescription()));
    }
    return operation;
  }

  /**
   * The body of each patch: a JSON object sent as {@code application/json} or {@code
   * application/merge-patch+json} ({@link org.guanxi.crm.platform.VersionedPatchMapping}),
   * described as a {@code @RequestBody JsonNode} is.
   */
  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    Content patch = null;
    for (PathItem path : openApi.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        RequestBody body = operation.getRequestBody();
        if (body != null
            && body.getExtensions() != null
            && body.getExtensions().containsKey(PATCH)) {
          body.setExtensions(null);
          patch = patch == null ? patchContent(openApi) : patch;
          body.setContent(patch);
        }
      }
    }
  }

  /** The patch's media types with the schema of a {@code JsonNode}, which the document keeps. */
  private static Content patchContent(OpenAPI openApi) {
    Components read = new Components();
    Schema<?> schema =
        SpringDocAnnotationsUtils.extractSchema(
            read, JsonNode.class, null, new Annotation[0], openApi.getSpecVersion());
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    if (schema.get$ref() != null && read.getSchemas() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      openApi.getComponents().addSchemas(name, read.getSchemas().get(name));
    }
    Content content = new Content();
    for (String type : VersionedPatchMapping.class.getAnnotation(RequestMapping.class).consumes()) {
      content.addMediaType(type, new MediaType().schema(schema));
    }
    return content;
  }

  /** The operation's description and then the contract, unless it says how to send If-Match. */
  private static String withContract(String description) {
    if (description == null || description.isBlank()) {
      return CONTRACT;
    }
    return description.contains(HttpHeaders.IF_MATCH) ? description : description + " " + CONTRACT;
  }
}
