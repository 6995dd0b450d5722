package org.guanxi.crm.platform;

import java.util.UUID;
import java.util.function.Function;

/**
 * Where a page of a keyset-paged list ended: the sort key and id of the page's last row, which the
 * next page starts after ({@link SqlWhere#after}). Lists give it out as the opaque {@code
 * nextCursor} ({@link PageCursors}).
 */
public record SqlCursor<K>(K key, UUID id) {

  public String encode() {
    return PageCursors.encode(key, id);
  }

  /** The cursor a token stands for, its key read by {@code key}; 422 for any other token. */
  public static <K> SqlCursor<K> decode(String token, Function<String, K> key) {
    return PageCursors.decode(
        token, 2, parts -> new SqlCursor<>(key.apply(parts.get(0)), UUID.fromString(parts.get(1))));
  }
}
