package org.guanxi.crm.sales.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lead fields a column of an imported file can fill, each with the column headers it is
 * recognised by in English, simplified and traditional Chinese. Its key is the field's name in the
 * API ({@link LeadDraft}).
 */
enum LeadImportField {
  NAME("name", "full name", "contact", "contact name", "person", "姓名", "名字", "联系人", "聯絡人", "聯繫人"),
  COMPANY(
      "company",
      "company name",
      "organisation",
      "organization",
      "account",
      "公司",
      "公司名称",
      "单位",
      "企业",
      "企业名称",
      "公司名稱",
      "單位",
      "企業",
      "企業名稱"),
  TITLE("title", "job title", "position", "职位", "职务", "頭銜", "职称", "職位", "職務", "職稱"),
  PHONE(
      "phone",
      "phone number",
      "mobile",
      "mobile phone",
      "telephone",
      "tel",
      "电话",
      "手机",
      "手机号",
      "手机号码",
      "电话号码",
      "联系电话",
      "電話",
      "手機",
      "手機號碼",
      "電話號碼",
      "聯絡電話",
      "聯繫電話"),
  EMAIL(
      "email",
      "e-mail",
      "mail",
      "email address",
      "e-mail address",
      "邮箱",
      "电子邮件",
      "电子邮箱",
      "邮件",
      "郵箱",
      "電子郵件",
      "電子信箱",
      "電郵"),
  SOURCE("source", "lead source", "来源", "线索来源", "來源", "線索來源"),
  CITY(
      "city",
      "region",
      "city / region",
      "area",
      "province",
      "城市",
      "地区",
      "区域",
      "所在城市",
      "所在地",
      "省份",
      "地區",
      "區域"),
  INDUSTRY("industry", "sector", "行业", "所属行业", "行業", "產業", "所屬行業"),
  NOTES("notes", "note", "remarks", "comments", "备注", "说明", "備註", "說明");

  private static final Map<String, LeadImportField> BY_HEADER = new HashMap<>();

  static {
    for (LeadImportField field : values()) {
      Stream.concat(Stream.of(field.key), field.headers.stream())
          .forEach(header -> BY_HEADER.put(comparable(header), field));
    }
  }

  private final String key;
  private final List<String> headers;

  LeadImportField(String key, String... headers) {
    this.key = key;
    this.headers = List.of(headers);
  }

  /** The field's name in the API, the mapping and the pages' messages ({@code lead.<key>}). */
  public String key() {
    return key;
  }

  static Optional<LeadImportField> ofHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(comparable(header)));
  }

  static Optional<LeadImportField> ofKey(String key) {
    return Stream.of(values()).filter(f -> f.key.equals(key)).findFirst();
  }

  /** Headers compare without case, spaces, punctuation and a "*" that marks required columns. */
  private static String comparable(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
