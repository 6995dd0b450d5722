package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.guanxi.crm.customer.HeaderSynonyms;
import org.junit.jupiter.api.Test;

class ImportFieldTests {

  @Test
  void theSharedHeadersFillTheCustomersFields() {
    Map<HeaderSynonyms, ImportField> fields =
        Map.of(
            HeaderSynonyms.PERSON_NAME, ImportField.NAME,
            HeaderSynonyms.COMPANY_NAME, ImportField.NAME,
            HeaderSynonyms.PHONE, ImportField.PHONE,
            HeaderSynonyms.EMAIL, ImportField.EMAIL,
            HeaderSynonyms.INDUSTRY, ImportField.INDUSTRY,
            HeaderSynonyms.CITY, ImportField.CITY,
            HeaderSynonyms.SOURCE, ImportField.SOURCE);
    assertThat(fields).containsOnlyKeys(HeaderSynonyms.values());
    fields.forEach(
        (synonyms, field) ->
            synonyms
                .headers()
                .forEach(header -> assertThat(ImportField.ofHeader(header)).contains(field)));
  }

  @Test
  void headersCompareWithoutCaseSpacesPunctuationAndTheRequiredMark() {
    assertThat(ImportField.ofHeader("E-Mail Address *")).contains(ImportField.EMAIL);
    assertThat(ImportField.ofHeader(" 手机号码 ")).contains(ImportField.PHONE);
    assertThat(ImportField.ofHeader("客戶來源")).contains(ImportField.SOURCE);
    assertThat(ImportField.ofHeader("notes")).isEmpty();
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
