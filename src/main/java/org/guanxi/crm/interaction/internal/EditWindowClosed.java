package org.guanxi.crm.interaction.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** The author's edit window has closed: the interaction is history now. */
@Refusal(
    status = HttpStatus.CONFLICT,
    code = "edit-window-closed",
    title = "The edit window has closed")
class EditWindowClosed extends Refused {

  EditWindowClosed(UUID id, Instant closedAt) {
    super(
        "The interaction " + id + " could be changed until " + closedAt + "; it is history now",
        "editableUntil",
        closedAt.toString());
  }
}
