package org.guanxi.crm.interaction.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/interactions/{interactionId}/attachments")
@Tag(name = "Interactions")
class AttachmentApi {

  record AttachmentList(List<Attachment> items) {}

  private final AttachmentService attachments;

  AttachmentApi(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  @Operation(
      summary = "Attach a file to an interaction",
      description =
          "A part named file, at most 10 MB (413 file-too-large): a PDF, a PNG, JPEG, GIF or WebP image, an"
              + " Office document (docx, xlsx, pptx) or plain text, as its content shows and its name says (415"
              + " unsupported-file-type; an empty file is 422 empty-file). By the interaction's author within the"
              + " edit window.")
  ResponseEntity<Attachment> attach(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID interactionId,
      @RequestParam("file") MultipartFile file)
      throws IOException {
    Attachment attached =
        attachments.attach(user, interactionId, file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.created(
            java.net.URI.create(
                "/api/v1/interactions/" + interactionId + "/attachments/" + attached.id()))
        .body(attached);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  @Operation(summary = "The files attached to an interaction")
  AttachmentList list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID interactionId) {
    return new AttachmentList(attachments.of(user, interactionId));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  @Operation(
      summary = "Download an attached file",
      description = "As an attachment (never shown in the page), with its media type.")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID interactionId,
      @PathVariable UUID id) {
    return attachments.download(user, interactionId, id).response();
  }
}
