package org.guanxi.crm.platform;

/**
 * The {@code If-Match} header of an API change of an existing record, taken as a handler argument:
 * the version of the record the caller read ({@link ETags#version}), read when the handler asks for
 * it. A request without the header is refused before the handler runs, as a missing required header
 * is; the API documentation describes it as that header.
 */
public final class IfMatch {

  private final String header;

  private IfMatch(String header) {
    this.header = header;
  }

  /** The header's value; several {@code If-Match} headers are read as one, joined by commas. */
  public static IfMatch of(String header) {
    return new IfMatch(header);
  }

  /** The version the caller read: {@link VersionRequired} or {@link UnknownVersion} if none. */
  public long version() {
    return ETags.version(header);
  }
}
