package org.guanxi.crm.leads.internal;

import static org.guanxi.crm.platform.imports.ImportField.named;

import java.util.List;
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
      named(
          "name",
          List.of(HeaderSynonyms.PERSON_NAME),
          "contact",
          "contact name",
          "person",
          "名字",
          "联系人",
          "聯絡人",
          "聯繫人")),
  COMPANY(
      named(
          "company",
          List.of(HeaderSynonyms.COMPANY_NAME),
          "organisation",
          "organization",
          "account",
          "单位",
          "企业",
          "單位",
          "企業")),
  TITLE(named("title", "job title", "position", "职位", "职务", "頭銜", "职称", "職位", "職務", "職稱")),
  PHONE(named("phone", List.of(HeaderSynonyms.PHONE))),
  EMAIL(named("email", List.of(HeaderSynonyms.EMAIL))),
  SOURCE(named("source", List.of(HeaderSynonyms.SOURCE), "线索来源", "線索來源")),
  CITY(
      named(
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
          "區域")),
  INDUSTRY(named("industry", List.of(HeaderSynonyms.INDUSTRY))),
  NOTES(named("notes", "note", "remarks", "comments", "备注", "说明", "備註", "說明"));

  private final Column column;

  LeadImportField(Column column) {
    this.column = column;
  }

  @Override
  public Column column() {
    return column;
  }
}
