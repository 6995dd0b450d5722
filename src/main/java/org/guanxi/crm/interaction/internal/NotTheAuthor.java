package org.guanxi.crm.interaction.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** Only its author changes or deletes an interaction; everyone else reads it as history. */
@Refusal(status = HttpStatus.FORBIDDEN, code = "not-interaction-author", title = "Not the author")
class NotTheAuthor extends Refused {

  NotTheAuthor(UUID id) {
    super("Only its author may change or delete the interaction " + id);
  }
}
