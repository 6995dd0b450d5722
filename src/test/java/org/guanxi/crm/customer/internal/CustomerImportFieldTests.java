package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.HeaderSynonyms;
import org.junit.jupiter.api.Test;

class CustomerImportFieldTests {

  @Test
  void theSharedHeadersFillTheCustomersFields() {
    Map<HeaderSynonyms, CustomerImportField> fields =
        Map.of(
            HeaderSynonyms.PERSON_NAME, CustomerImportField.NAME,
            HeaderSynonyms.COMPANY_NAME, CustomerImportField.NAME,
            HeaderSynonyms.PHONE, CustomerImportField.PHONE,
            HeaderSynonyms.EMAIL, CustomerImportField.EMAIL,
            HeaderSynonyms.INDUSTRY, CustomerImportField.INDUSTRY,
            HeaderSynonyms.CITY, CustomerImportField.CITY,
            HeaderSynonyms.SOURCE, CustomerImportField.SOURCE);
    assertThat(fields).containsOnlyKeys(HeaderSynonyms.values());
    fields.forEach(
        (synonyms, field) ->
            synonyms
                .headers()
                .forEach(
                    header ->
                        assertThat(ColumnMapping.fieldOf(CustomerImportField.class, header))
                            .contains(field)));
  }

  @Test
  void headersCompareWithoutCaseSpacesPunctuationAndTheRequiredMark() {
    assertThat(ColumnMapping.fieldOf(CustomerImportField.class, "E-Mail Address *"))
        .contains(CustomerImportField.EMAIL);
    assertThat(ColumnMapping.fieldOf(CustomerImportField.class, " 手机号码 "))
        .contains(CustomerImportField.PHONE);
    assertThat(ColumnMapping.fieldOf(CustomerImportField.class, "客戶來源"))
        .contains(CustomerImportField.SOURCE);
    assertThat(ColumnMapping.fieldOf(CustomerImportField.class, "notes")).isEmpty();
  }

  @Test
  void noSharedHeaderMeansTwoThings() {
    Map<String, HeaderSynonyms> meanings = new HashMap<>();
    for (HeaderSynonyms synonyms : HeaderSynonyms.values()) {
      for (String header : synonyms.headers()) {
        HeaderSynonyms earlier = meanings.put(HeaderSynonyms.comparable(header), synonyms);
        assertThat(earlier).as(header).isIn(null, synonyms);
      }
    }
  }
}
