package org.guanxi.crm.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The version a client reads before it changes a record, for the {@code If-Match} every change of
 * an existing record must carry: the {@code ETag} a GET of the record answers now.
 */
public final class Versions {

  private Versions() {}

  /**
   * The record's ETag as {@code bearer} reads it; {@code "0"} when the reader cannot read it (not
   * found, not allowed), as such a change is refused before any version is compared.
   */
  public static String current(MockMvc mvc, String bearer, String path) throws Exception {
    var response = mvc.perform(get(path).header("Authorization", bearer)).andReturn().getResponse();
    String etag = response.getHeader("ETag");
    return response.getStatus() == 200 && etag != null ? etag : "\"0\"";
  }

  /**
   * The version a change at {@code path} names: that of the record the path starts with ({@code
   * /api/v1/opportunities/{id}} for {@code /api/v1/opportunities/{id}/win}); null for a collection,
   * where a POST creates a record and names no version.
   */
  public static @Nullable String forChange(MockMvc mvc, String bearer, String path)
      throws Exception {
    Matcher record = RECORD.matcher(path);
    return record.matches() ? current(mvc, bearer, record.group(1)) : null;
  }

  private static final Pattern RECORD = Pattern.compile("^(/api/v1/[^/?]+/[^/?]+)(?:[/?].*)?$");
}
