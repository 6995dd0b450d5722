package org.guanxi.crm.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.HeaderSynonyms;
import org.junit.jupiter.api.Test;

class LeadImportFieldTests {

  @Test
  void theSharedHeadersFillTheLeadsFields() {
    Map<HeaderSynonyms, LeadImportField> fields =
        Map.of(
            HeaderSynonyms.PERSON_NAME, LeadImportField.NAME,
            HeaderSynonyms.COMPANY_NAME, LeadImportField.COMPANY,
            HeaderSynonyms.PHONE, LeadImportField.PHONE,
            HeaderSynonyms.EMAIL, LeadImportField.EMAIL,
            HeaderSynonyms.INDUSTRY, LeadImportField.INDUSTRY,
            HeaderSynonyms.CITY, LeadImportField.CITY,
            HeaderSynonyms.SOURCE, LeadImportField.SOURCE);
    assertThat(fields).containsOnlyKeys(HeaderSynonyms.values());
    fields.forEach(
        (synonyms, field) ->
            synonyms
                .headers()
                .forEach(
                    header ->
                        assertThat(ColumnMapping.fieldOf(LeadImportField.class, header))
                            .contains(field)));
  }

  @Test
  void aLeadsOwnHeadersStayItsOwn() {
    assertThat(ColumnMapping.fieldOf(LeadImportField.class, "线索来源"))
        .contains(LeadImportField.SOURCE);
    assertThat(ColumnMapping.fieldOf(LeadImportField.class, "Region"))
        .contains(LeadImportField.CITY);
    assertThat(ColumnMapping.fieldOf(LeadImportField.class, "联系人")).contains(LeadImportField.NAME);
    assertThat(ColumnMapping.fieldOf(LeadImportField.class, "客户来源")).isEmpty();
  }
}
