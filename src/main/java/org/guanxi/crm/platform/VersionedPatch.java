package org.guanxi.crm.platform;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The change of a record by a JSON merge patch (RFC 7396) at the version the caller read: the
 * request body and the {@code If-Match} of a {@link VersionedPatchMapping} handler, taken as one
 * argument. It reads the record, patches the draft of the fields a caller may change ({@link
 * MergePatches}) and hands it to the update at the version {@code If-Match} names ({@link
 * ETags#version}), the same way for every API; the API documentation describes its {@code If-Match}
 * and body as it does a header and a body of their own.
 */
public final class VersionedPatch {

  /** Changes the record {@code id} to {@code changed}, if it is still at the version expected. */
  @FunctionalInterface
  public interface Update<D, R> {
    R at(UUID id, long expected, D changed);
  }

  /** Changes a record the user may see, as {@link Update} does. */
  @FunctionalInterface
  public interface UserUpdate<D, R> {
    R at(CurrentUser user, UUID id, long expected, D changed);

    /** This update as the {@code user} makes it. */
    default Update<D, R> by(CurrentUser user) {
      return (id, expected, changed) -> at(user, id, expected, changed);
    }
  }

  private final IfMatch ifMatch;
  private final JsonNode patch;
  private final MergePatches patches;

  VersionedPatch(IfMatch ifMatch, JsonNode patch, MergePatches patches) {
    this.ifMatch = ifMatch;
    this.patch = patch;
    this.patches = patches;
  }

  /** The version the caller read, as {@code If-Match} names it ({@link IfMatch#version}). */
  public long expected() {
    return ifMatch.version();
  }

  /**
   * Reads the record {@code id} once the version is known, patches its {@code draft} and updates it
   * at that version, which the update checks.
   */
  public <C, D extends Record, R> R apply(
      UUID id, Function<UUID, C> read, Function<C, D> draft, Update<D, R> update) {
    long expected = expected();
    return update.at(id, expected, patches.apply(draft.apply(read.apply(id)), patch));
  }

  /** {@link #apply(UUID, Function, Function, Update)} of a record the user may see. */
  public <C, D extends Record, R> R apply(
      CurrentUser user,
      UUID id,
      BiFunction<CurrentUser, UUID, C> read,
      Function<C, D> draft,
      UserUpdate<D, R> update) {
    return apply(id, i -> read.apply(user, i), draft, update.by(user));
  }

  /**
   * Like {@link #apply(UUID, Function, Function, Update)}, but a record that is at another version
   * by now is {@link StaleVersion} of the {@code kind} before the patch is read, so that the caller
   * learns first that it changed an old copy.
   */
  public <C extends Versioned, D extends Record, R> R applyAt(
      String kind, UUID id, Function<UUID, C> read, Function<C, D> draft, Update<D, R> update) {
    long expected = expected();
    C current = read.apply(id);
    if (expected != current.version()) {
      throw new StaleVersion(kind, current.version());
    }
    return update.at(id, expected, patches.apply(draft.apply(current), patch));
  }

  /** {@link #applyAt(String, UUID, Function, Function, Update)} of a record the user may see. */
  public <C extends Versioned, D extends Record, R> R applyAt(
      String kind,
      CurrentUser user,
      UUID id,
      BiFunction<CurrentUser, UUID, C> read,
      Function<C, D> draft,
      UserUpdate<D, R> update) {
    return applyAt(kind, id, i -> read.apply(user, i), draft, update.by(user));
  }
}
