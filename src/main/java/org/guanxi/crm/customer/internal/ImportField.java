package org.guanxi.crm.customer.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The customer fields a column of an imported file can fill, each with the column headers it is
 * recognised by in English, simplified and traditional Chinese (and its own name, as the export
 * writes it).
 */
enum ImportField {
  NAME(
      "name",
      "customer",
      "customer name",
      "company",
      "company name",
      "full name",
      "名称",
      "姓名",
      "客户",
      "客户名称",
      "客户姓名",
      "公司",
      "公司名称",
      "企业名称",
      "名稱",
      "客戶",
      "客戶名稱",
      "客戶姓名",
      "公司名稱",
      "企業名稱"),
  KIND("kind", "type", "customer type", "类型", "客户类型", "類型", "客戶類型"),
  INDUSTRY("industry", "sector", "行业", "所属行业", "行業", "產業", "所屬行業"),
  SOURCE("source", "lead source", "来源", "客户来源", "來源", "客戶來源"),
  CITY("city", "town", "城市", "所在城市", "所在地"),
  LIFECYCLE_STAGE(
      "lifecycleStage", "stage", "lifecycle stage", "生命周期阶段", "阶段", "客户阶段", "生命週期階段", "階段", "客戶階段"),
  CLASSIFICATION("classification", "tier", "客户分类", "分类", "客户等级", "客戶分類", "分類", "客戶等級"),
  TAGS("tags", "tag", "labels", "标签", "標籤", "標簽"),
  PREFERENCES("preferences", "偏好", "客户偏好", "客戶偏好"),
  OWNER("owner", "owner name", "ownerName", "account owner", "负责人", "所有者", "客户经理", "負責人", "客戶經理"),
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
  ID_CARD(
      "idCard",
      "id card",
      "id number",
      "id card number",
      "身份证",
      "身份证号",
      "身份证号码",
      "身分證",
      "身分證號",
      "身分證字號",
      "身份證號"),
  BIRTHDAY("birthday", "date of birth", "birth date", "生日", "出生日期"),
  ADDRESS("address", "street address", "地址", "详细地址", "通讯地址", "詳細地址", "通訊地址");

  private static final Map<String, ImportField> BY_HEADER = new HashMap<>();

  static {
    for (ImportField field : values()) {
      Stream.concat(Stream.of(field.key), field.headers.stream())
          .forEach(header -> BY_HEADER.put(comparable(header), field));
    }
  }

  /** The field's name in the API and in exported files. */
  final String key;

  private final List<String> headers;

  ImportField(String key, String... headers) {
    this.key = key;
    this.headers = List.of(headers);
  }

  public String key() {
    return key;
  }

  static Optional<ImportField> ofHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(comparable(header)));
  }

  static Optional<ImportField> ofKey(String key) {
    return Stream.of(values()).filter(f -> f.key.equals(key)).findFirst();
  }

  /**
   * Headers compare without case, spaces, punctuation and a trailing "*" that marks required
   * columns.
   */
  private static String comparable(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
