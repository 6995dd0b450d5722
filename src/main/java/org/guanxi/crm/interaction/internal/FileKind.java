package org.guanxi.crm.interaction.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file is, read from its first bytes rather than its name: the kinds a follow-up may carry
 * (PDF, images, Office documents, plain text). An executable renamed {@code .pdf} is none of them.
 */
enum FileKind {
  PDF("application/pdf", "pdf"),
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg", "jpeg"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp"),
  OFFICE("application/vnd.openxmlformats-officedocument", "docx", "xlsx", "pptx"),
  TEXT("text/plain; charset=UTF-8", "txt", "csv", "md");

  private final String mediaType;
  private final String[] extensions;

  FileKind(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  /** The media type the file is sent back with (an Office document's by its name's ending). */
  String mediaType(String fileName) {
    if (this != OFFICE) {
      return mediaType;
    }
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (name.endsWith(".pptx")) {
      return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }

  /** What the content is, if it is a kind a follow-up may carry. */
  static Optional<FileKind> of(byte[] content) {
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(PDF);
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Optional.of(PNG);
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
        || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(GIF);
    }
    if (content.length >= 12
        && startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
        && Arrays.equals(
            Arrays.copyOfRange(content, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(WEBP);
    }
    // an Office document is a zip whose first entry names its parts
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})
        && new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1)
            .contains("[Content_Types].xml")) {
      return Optional.of(OFFICE);
    }
    if (isText(content)) {
      return Optional.of(TEXT);
    }
    return Optional.empty();
  }

  /** Whether the name's ending fits the kind found in the content. */
  boolean fitsName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return Arrays.stream(extensions).anyMatch(e -> name.endsWith("." + e));
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
  }

  /** UTF-8 text without control characters other than tab, line feed and carriage return. */
  private static boolean isText(byte[] content) {
    for (byte b : content) {
      if ((b >= 0 && b < 0x09) || (b > 0x0d && b < 0x20) || b == 0x7f) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
