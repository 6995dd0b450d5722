package org.guanxi.crm.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Tells a user something in the application: the bell at the top of every page counts what is
 * unread, and the notifications page lists it. A module calls it in the transaction of what it is
 * about (a reminder claimed), so that a notification is sent once or not at all. Kept 30 days.
 */
public interface Notifications {

  /**
   * @param messageKey the heading, from the sending module's bundle ({@code
   *     tasks.notification.due})
   * @param text what it is about, as the user knows it (a task's title)
   * @param link the page it opens, if any
   */
  void send(UUID userId, String messageKey, String text, @Nullable String link);
}
