package org.guanxi.crm.interaction.internal;

import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** Files a follow-up does not take. */
final class AttachmentRefused {

  private AttachmentRefused() {}

  /** Larger than {@link AttachmentService#MAX_BYTES}. */
  @Refusal(status = HttpStatus.CONTENT_TOO_LARGE, code = "file-too-large", title = "File too large")
  static class TooLarge extends Refused {
    TooLarge() {
      super(
          "An attachment has at most " + AttachmentService.MAX_BYTES / (1024 * 1024) + " MB",
          "limit",
          "10 MB");
    }
  }

  /** Empty. */
  @Refusal(status = HttpStatus.UNPROCESSABLE_CONTENT, code = "empty-file", title = "Empty file")
  static class Empty extends Refused {
    Empty() {
      super("The file is empty");
    }
  }

  /** Not a kind a follow-up carries, or not what its name says. */
  @Refusal(
      status = HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      code = "unsupported-file-type",
      title = "Unsupported file type")
  static class Unsupported extends Refused {
    Unsupported(String fileName) {
      super(
          "The content of "
              + fileName
              + " is not a PDF, an image (PNG, JPEG, GIF, WebP), an Office document or plain"
              + " text, or not what its name says");
    }
  }
}
