package org.guanxi.crm.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users of the current workspace, for modules that assign or show owners. */
public interface UserDirectory {

  Optional<UserSummary> find(UUID userId);

  List<UserSummary> activeUsers();
}
