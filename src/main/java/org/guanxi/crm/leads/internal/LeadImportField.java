package org.guanxi.crm.leads.internal;

import java.util.List;
import java.util.stream.Stream;
import org.guanxi.crm.platform.imports.HeaderSynonyms;
import org.guanxi.crm.platform.imports.ImportField;

/**
 * The lead fields a column of an imported file can fill, each with the column headers it is
 * recognised by in English, simplified and traditional Chinese: those every import of people and
 * companies shares ({@link HeaderSynonyms}) and its own. Its key is the field's name in the API
 * ({@link LeadDraft}).
 */
enum LeadImportField implements ImportField {
  NAME(
      "name",
      List.of(HeaderSynonyms.PERSON_NAME),
      "contact",
      "contact name",
      "person",
      "名字",
      "联系人",
      "聯絡人",
      "聯繫人"),
  COMPANY(
      "company",
      List.of(HeaderSynonyms.COMPANY_NAME),
      "organisation",
      "organization",
      "account",
      "单位",
      "企业",
      "單位",
      "企業"),
  TITLE("title", "job title", "position", "职位", "职务", "頭銜", "职称", "職位", "職務", "職稱"),
  PHONE("phone", List.of(HeaderSynonyms.PHONE)),
  EMAIL("email", List.of(HeaderSynonyms.EMAIL)),
  SOURCE("source", List.of(HeaderSynonyms.SOURCE), "线索来源", "線索來源"),
  CITY(
      "city",
      List.of(HeaderSynonyms.CITY),
      "region",
      "city / region",
      "area",
      "province",
      "地区",
      "区域",
      "省份",
      "地區",
      "區域"),
  INDUSTRY("industry", List.of(HeaderSynonyms.INDUSTRY)),
  NOTES("notes", "note", "remarks", "comments", "备注", "说明", "備註", "說明");

  private final String key;
  private final List<String> headers;

  LeadImportField(String key, String... headers) {
    this(key, List.of(), headers);
  }

  /** A field recognised by the headers all imports share ({@code common}) and its own. */
  LeadImportField(String key, List<HeaderSynonyms> common, String... own) {
    this.key = key;
    this.headers =
        Stream.concat(common.stream().flatMap(c -> c.headers().stream()), Stream.of(own)).toList();
  }

  /** The field's name in the API, the mapping and the pages' messages ({@code lead.<key>}). */
  @Override
  public String key() {
    return key;
  }

  @Override
  public List<String> headers() {
    return headers;
  }
}
