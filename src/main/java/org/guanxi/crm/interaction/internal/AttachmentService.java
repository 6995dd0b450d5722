package org.guanxi.crm.interaction.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StorableText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to interactions: whoever sees the interaction sees and downloads them; its author
 * attaches them within the edit window, as they change it. What a file is comes from its content,
 * at most 10 MB.
 */
@Service
class AttachmentService {

  static final int MAX_BYTES = 10 * 1024 * 1024;

  /** A file as it is sent back: what it is and its bytes. */
  record Download(Attachment attachment, byte[] content) {

    /**
     * The answer that downloads it, for the API and the pages alike: its media type, as an
     * attachment (never shown inside a page) that the browser does not second-guess.
     */
    ResponseEntity<byte[]> response() {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(attachment.mediaType()))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment()
                  .filename(attachment.fileName(), StandardCharsets.UTF_8)
                  .build()
                  .toString())
          .header("X-Content-Type-Options", "nosniff")
          .body(content);
    }
  }

  private final InteractionService interactions;
  private final AttachmentStore store;
  private final Clock clock;

  AttachmentService(InteractionService interactions, AttachmentStore store, Clock clock) {
    this.interactions = interactions;
    this.store = store;
    this.clock = clock;
  }

  @Transactional
  Attachment attach(CurrentUser user, UUID interactionId, @Nullable String name, byte[] content) {
    interactions.editable(user, interactionId);
    if (content.length == 0) {
      throw new AttachmentRefused.Empty();
    }
    if (content.length > MAX_BYTES) {
      throw new AttachmentRefused.TooLarge();
    }
    String fileName = fileName(name);
    FileKind kind =
        FileKind.of(content)
            .filter(k -> k.fitsName(fileName))
            .orElseThrow(() -> new AttachmentRefused.Unsupported(fileName));
    Attachment attachment =
        new Attachment(
            Ids.newId(),
            interactionId,
            fileName,
            kind.mediaType(fileName),
            content.length,
            sha256(content),
            user.id(),
            clock.instant());
    store.insert(attachment, content);
    return attachment;
  }

  List<Attachment> of(CurrentUser user, UUID interactionId) {
    interactions.get(user, interactionId);
    return store.of(interactionId);
  }

  Download download(CurrentUser user, UUID interactionId, UUID id) {
    interactions.get(user, interactionId);
    Attachment attachment =
        store.find(interactionId, id).orElseThrow(() -> new RecordNotFound("attachment", id));
    return new Download(attachment, store.content(id));
  }

  /** The name without a path, and without characters a download header cannot carry. */
  private static String fileName(@Nullable String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (base.isEmpty() || !StorableText.storable(base)) {
      return "file";
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
