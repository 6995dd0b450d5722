package org.guanxi.crm.customer.internal;

import static org.guanxi.crm.platform.imports.ImportField.named;

import java.util.List;
import org.guanxi.crm.platform.imports.HeaderSynonyms;
import org.guanxi.crm.platform.imports.ImportField;

/**
 * The customer fields a column of an imported file can fill, each with the column headers it is
 * recognised by in English, simplified and traditional Chinese (and its own name, as the export
 * writes it): those every import of people and companies shares ({@link HeaderSynonyms}) and its
 * own.
 */
enum CustomerImportField implements ImportField {
  NAME(
      named(
          "name",
          List.of(HeaderSynonyms.COMPANY_NAME, HeaderSynonyms.PERSON_NAME),
          "customer",
          "customer name",
          "名称",
          "客户",
          "客户名称",
          "客户姓名",
          "名稱",
          "客戶",
          "客戶名稱",
          "客戶姓名")),
  KIND(named("kind", "type", "customer type", "类型", "客户类型", "類型", "客戶類型")),
  INDUSTRY(named("industry", List.of(HeaderSynonyms.INDUSTRY))),
  SOURCE(named("source", List.of(HeaderSynonyms.SOURCE), "客户来源", "客戶來源")),
  CITY(named("city", List.of(HeaderSynonyms.CITY), "town")),
  LIFECYCLE_STAGE(
      named(
          "lifecycleStage",
          "stage",
          "lifecycle stage",
          "生命周期阶段",
          "阶段",
          "客户阶段",
          "生命週期階段",
          "階段",
          "客戶階段")),
  CLASSIFICATION(named("classification", "tier", "客户分类", "分类", "客户等级", "客戶分類", "分類", "客戶等級")),
  TAGS(named("tags", "tag", "labels", "标签", "標籤", "標簽")),
  PREFERENCES(named("preferences", "偏好", "客户偏好", "客戶偏好")),
  OWNER(
      named(
          "owner",
          "owner name",
          "ownerName",
          "account owner",
          "负责人",
          "所有者",
          "客户经理",
          "負責人",
          "客戶經理")),
  PHONE(named("phone", List.of(HeaderSynonyms.PHONE))),
  EMAIL(named("email", List.of(HeaderSynonyms.EMAIL))),
  ID_CARD(
      named(
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
          "身份證號")),
  BIRTHDAY(named("birthday", "date of birth", "birth date", "生日", "出生日期")),
  ADDRESS(named("address", "street address", "地址", "详细地址", "通讯地址", "詳細地址", "通訊地址"));

  private final Column column;

  CustomerImportField(Column column) {
    this.column = column;
  }

  @Override
  public Column column() {
    return column;
  }
}
