package org.guanxi.crm.interaction.internal;

import java.time.Instant;
import java.util.UUID;

/** A file attached to an interaction, as listed (without its content). */
record Attachment(
    UUID id,
    UUID interactionId,
    String fileName,
    String mediaType,
    int size,
    String sha256,
    UUID createdBy,
    Instant createdAt) {}
