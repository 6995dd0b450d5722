package org.guanxi.crm.platform.internal.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A notification of the signed-in user. */
record Notification(
    UUID id,
    String messageKey,
    String text,
    @Nullable String link,
    Instant createdAt,
    @Nullable Instant readAt) {}
