package org.guanxi.crm.platform.internal.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.NewAccount;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.Workspaces;
import org.guanxi.crm.platform.internal.security.ApiTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating users, changing their roles, team and whether they may sign in, and setting their
 * passwords. A deactivated user's API tokens are revoked and page sessions ended; the last
 * administrator stays.
 */
@Service
class UserAdministration {

  static final String KIND = "user";
  static final int MAX_LIMIT = 200;
  static final int MIN_PASSWORD_LENGTH = 10;

  /** bcrypt reads no more than 72 bytes of a password and refuses longer ones. */
  static final int MAX_PASSWORD_BYTES = 72;

  static final int MAX_DISPLAY_NAME = 100;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");

  record UserPage(List<UserAccount> items, @Nullable String nextCursor) {}

  private final UserStore users;
  private final TeamStore teams;
  private final Workspaces workspaces;
  private final ApiTokens tokens;
  private final PasswordEncoder passwords;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final AdministrationLock lock;

  UserAdministration(
      UserStore users,
      TeamStore teams,
      Workspaces workspaces,
      ApiTokens tokens,
      PasswordEncoder passwords,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      AdministrationLock lock) {
    this.users = users;
    this.teams = teams;
    this.workspaces = workspaces;
    this.tokens = tokens;
    this.passwords = passwords;
    this.sessions = sessions;
    this.lock = lock;
  }

  UserPage list(@Nullable String q, @Nullable String cursor, int limit) {
    SqlPage.checkLimit(limit, MAX_LIMIT);
    List<UserAccount> rows = users.list(q, decode(cursor), SqlPage.rowsToRead(limit));
    SqlPage<UserAccount> page = SqlPage.of(rows, limit, last -> encode(last.username()));
    return new UserPage(page.items(), page.nextCursor());
  }

  UserAccount get(UUID id) {
    return users.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  @Transactional
  UserAccount create(NewUser input) {
    lock.hold();
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    String username = input.username() == null ? "" : input.username().strip();
    if (username.isEmpty()) {
      errors.add(new InvalidInput.FieldError("username", "required", "A user name is required"));
    } else if (!USERNAME.matcher(username).matches()) {
      errors.add(
          new InvalidInput.FieldError(
              "username",
              "invalid-username",
              "3 to 64 letters, digits or . _ @ -, starting with a letter or digit"));
    }
    checkDisplayName(input.displayName(), errors);
    checkPassword(input.password(), errors);
    checkRoles(input.roles(), errors);
    checkTeam(input.teamId(), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    try {
      UUID id =
          workspaces.createAccount(
              new NewAccount(
                  username,
                  input.displayName().strip(),
                  input.password(),
                  Set.copyOf(input.roles()),
                  input.teamId()));
      return get(id);
    } catch (DuplicateKeyException e) {
      throw new InvalidInput("username", "username-taken", "This user name is already in use");
    }
  }

  /**
   * Changes a user when {@code expectedVersion} (if given) is still current; a stale one changes
   * nothing.
   */
  @Transactional
  UserAccount update(UUID id, @Nullable Long expectedVersion, UserChanges changes) {
    lock.hold();
    UserAccount current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    checkDisplayName(changes.displayName(), errors);
    checkRoles(changes.roles(), errors);
    checkTeam(changes.teamId(), errors);
    if (changes.active() == null) {
      errors.add(
          new InvalidInput.FieldError("active", "required", "Say whether the user may sign in"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    boolean active = changes.active();
    if (!users.update(
        id,
        version,
        changes.displayName().strip(),
        Set.copyOf(changes.roles()),
        changes.teamId(),
        active)) {
      throw new StaleVersion(KIND, get(id).version());
    }
    boolean wasAdministrator = current.active() && current.roles().contains(Role.ADMINISTRATOR);
    boolean isAdministrator = active && changes.roles().contains(Role.ADMINISTRATOR);
    if (wasAdministrator && !isAdministrator && users.activeAdministrators() == 0) {
      throw new InvalidInput(
          active ? "roles" : "active",
          "last-administrator",
          "The workspace needs at least one active administrator");
    }
    if (current.active() && !active) {
      tokens.revokeAll(id);
      endSessions(current.username());
    }
    return get(id);
  }

  /** Sets a new password and ends the user's page sessions; API tokens keep working. */
  @Transactional
  void resetPassword(UUID id, @Nullable String password) {
    UserAccount user = get(id);
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    checkPassword(password, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (!users.setPasswordHash(id, passwords.encode(password))) {
      throw new RecordNotFound(KIND, id);
    }
    endSessions(user.username());
  }

  private void endSessions(String username) {
    sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
  }

  private static void checkDisplayName(
      @Nullable String displayName, List<InvalidInput.FieldError> errors) {
    if (displayName == null || displayName.isBlank()) {
      errors.add(
          new InvalidInput.FieldError("displayName", "required", "A display name is required"));
    } else if (displayName.strip().length() > MAX_DISPLAY_NAME) {
      errors.add(
          new InvalidInput.FieldError(
              "displayName", "too-long", "At most " + MAX_DISPLAY_NAME + " characters"));
    }
  }

  private static void checkPassword(
      @Nullable String password, List<InvalidInput.FieldError> errors) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
      errors.add(
          new InvalidInput.FieldError(
              "password",
              "password-too-short",
              "A password has at least " + MIN_PASSWORD_LENGTH + " characters"));
    } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      errors.add(
          new InvalidInput.FieldError(
              "password",
              "password-too-long",
              "A password has at most "
                  + MAX_PASSWORD_BYTES
                  + " bytes (72 Latin letters, 24 Chinese characters)"));
    }
  }

  private static void checkRoles(@Nullable Set<Role> roles, List<InvalidInput.FieldError> errors) {
    if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
      errors.add(
          new InvalidInput.FieldError("roles", "no-role", "Give the user at least one role"));
    }
  }

  private void checkTeam(@Nullable UUID teamId, List<InvalidInput.FieldError> errors) {
    if (teamId != null && teams.find(teamId).isEmpty()) {
      errors.add(new InvalidInput.FieldError("teamId", "unknown-team", "No team with this id"));
    }
  }

  private static String encode(String username) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(username.getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable String decode(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("cursor", "invalid-cursor", "Use the nextCursor of the previous page");
    }
  }
}
