package org.guanxi.crm.platform.imports;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The column headers, in English, simplified and traditional Chinese, by which the customer import
 * and other modules' imports of people and companies (leads) recognise the columns they have in
 * common: one list, so that a file's phone or e-mail column is recognised alike everywhere. Each
 * import adds the headers that only mean something to it. Headers are compared as {@link
 * #comparable} makes them.
 */
public enum HeaderSynonyms {
  /** A person's name. */
  PERSON_NAME("full name", "姓名"),
  /** The name of a company. */
  COMPANY_NAME("company", "company name", "公司", "公司名称", "企业名称", "公司名稱", "企業名稱"),
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
  INDUSTRY("industry", "sector", "行业", "所属行业", "行業", "產業", "所屬行業"),
  CITY("city", "城市", "所在城市", "所在地"),
  /** Where a customer or lead came from. */
  SOURCE("source", "lead source", "来源", "來源");

  private final List<String> headers;

  HeaderSynonyms(String... headers) {
    this.headers = List.of(headers);
  }

  /** The headers, as people write them. */
  public List<String> headers() {
    return headers;
  }

  /** The headers of the {@code common} synonyms, then the field's {@code own}, in that order. */
  public static List<String> join(List<HeaderSynonyms> common, String... own) {
    return Stream.concat(common.stream().flatMap(c -> c.headers().stream()), Stream.of(own))
        .toList();
  }

  /**
   * A header as imports compare it: in lower case, without spaces, punctuation and a "*" that marks
   * required columns ({@code "E-mail *"} → {@code "email"}).
   */
  public static String comparable(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
