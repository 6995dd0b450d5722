package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The base currency and the exchange rates administrators keep, through the API, and the
 * conversions other modules make with them.
 */
@GuanxiTest
class ExchangeRateApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired ExchangeRates exchangeRates;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void anAdministratorAddsChangesAndDeletesARate() throws Exception {
    String location =
        create(admin, "{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":9.1234}")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", startsWith("/api/v1/exchange-rates/")))
            .andExpect(header().string("ETag", "\"0\""))
            .andExpect(jsonPath("$.currency").value("GBP"))
            .andExpect(jsonPath("$.baseCurrency").value("CNY"))
            .andExpect(jsonPath("$.validFrom").value("2026-01-01"))
            .andExpect(jsonPath("$.rate").value(9.1234))
            .andExpect(jsonPath("$.inUse").value(true))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    mvc.perform(get(location).header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""));
    mvc.perform(
            patch(location)
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\":9.2}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.rate").value(9.2))
        .andExpect(jsonPath("$.validFrom").value("2026-01-01"));
    mvc.perform(get("/api/v1/exchange-rates").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].rate", contains(9.2)));

    mvc.perform(
            delete(location).header("Authorization", admin.bearer()).header("If-Match", "\"1\""))
        .andExpect(status().isNoContent());
    mvc.perform(get(location).header("Authorization", admin.bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void ratesNeedATokenAndOnlyAdministratorsChangeThem() throws Exception {
    String location = location(admin, "USD", "2026-01-01", "7.1");
    Member rep = workspace.member(Role.SALES);

    mvc.perform(get("/api/v1/exchange-rates")).andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/exchange-rates")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":9}"))
        .andExpect(status().isUnauthorized());

    // a rep reads the rates that figures are converted with, and changes none of them
    mvc.perform(get("/api/v1/exchange-rates").header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1));
    create(rep, "{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":9}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    mvc.perform(
            patch(location)
                .header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\":1}"))
        .andExpect(status().isForbidden());
    mvc.perform(delete(location).header("Authorization", rep.bearer()))
        .andExpect(status().isForbidden());
    importFile(rep, "GBP,2026-01-01,9\n").andExpect(status().isForbidden());
    mvc.perform(get(location).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.rate").value(7.1))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void anotherWorkspaceNeitherSeesNorChangesTheRates() throws Exception {
    String location = location(admin, "USD", "2026-01-01", "7.1");
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);

    mvc.perform(get("/api/v1/exchange-rates").header("Authorization", foreign.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(get(location).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    mvc.perform(
            patch(location)
                .header("Authorization", foreign.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"rate\":1}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete(location).header("Authorization", foreign.bearer()).header("If-Match", "\"0\""))
        .andExpect(status().isNotFound());
    mvc.perform(get(location).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.rate").value(7.1));
  }

  @Test
  void aStaleIfMatchIsRefusedWith412AndNothingIsOverwritten() throws Exception {
    String location = location(admin, "USD", "2026-01-01", "7.1");
    change(location, "\"0\"", "{\"rate\":7.2}").andExpect(status().isOk());

    change(location, "\"0\"", "{\"rate\":7.3}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:stale-version"));
    mvc.perform(
            delete(location).header("Authorization", admin.bearer()).header("If-Match", "\"0\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(get(location).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.rate").value(7.2));
  }

  @Test
  void anUnknownCurrencyANegativeRateAndASecondRateOfTheSameDayAreRefusedWith422()
      throws Exception {
    create(admin, "{\"currency\":\"ZZZ\",\"validFrom\":\"2026-01-01\",\"rate\":1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:validation"))
        .andExpect(jsonPath("$.errors[0].field").value("currency"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-currency"));
    create(admin, "{\"currency\":\"pound\",\"validFrom\":\"2026-01-01\",\"rate\":1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("pattern"));
    create(admin, "{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":-9.1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("rate"))
        .andExpect(jsonPath("$.errors[0].code").value("decimalmin"));
    create(admin, "{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":0}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("decimalmin"));
    create(admin, "{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":0.00000000001}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("digits"));
    create(admin, "{\"currency\":\"GBP\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("rate", "validFrom")));
    create(admin, "{\"currency\":\"CNY\",\"validFrom\":\"2026-01-01\",\"rate\":1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("same-as-base"));
    location(admin, "GBP", "2026-01-01", "9.1");
    create(admin, "{\"currency\":\"GBP\",\"validFrom\":\"2026-01-01\",\"rate\":9.2}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("validFrom"))
        .andExpect(jsonPath("$.errors[0].code").value("rate-exists"));
    mvc.perform(get("/api/v1/exchange-rates").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  @Test
  void theListGoesByCurrencyTheLatestFirstPagedByCursor() throws Exception {
    location(admin, "USD", "2026-01-01", "7.1");
    location(admin, "GBP", "2026-01-01", "9.1");
    location(admin, "GBP", "2026-02-01", "9.2");

    String first =
        mvc.perform(
                get("/api/v1/exchange-rates")
                    .param("limit", "2")
                    .header("Authorization", admin.bearer()))
            .andExpect(jsonPath("$.items[*].currency", contains("GBP", "GBP")))
            .andExpect(jsonPath("$.items[*].validFrom", contains("2026-02-01", "2026-01-01")))
            .andExpect(jsonPath("$.nextCursor").isString())
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            get("/api/v1/exchange-rates")
                .param("limit", "2")
                .param("cursor", JsonPath.<String>read(first, "$.nextCursor"))
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].currency", contains("USD")))
        .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    mvc.perform(
            get("/api/v1/exchange-rates")
                .param("currency", "USD")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].rate", contains(7.1)));
    mvc.perform(
            get("/api/v1/exchange-rates")
                .param("cursor", "not-a-cursor")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-cursor"));
  }

  @Test
  void theBaseCurrencyIsCnyUntilAnAdministratorChoosesAnother() throws Exception {
    String rate = location(admin, "USD", "2026-01-01", "7.1");
    Member rep = workspace.member(Role.SALES);
    mvc.perform(get("/api/v1/base-currency").header("Authorization", rep.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.currency").value("CNY"));

    setBase(rep, null, "{\"currency\":\"USD\"}").andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/base-currency")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currency\":\"USD\"}"))
        .andExpect(status().isUnauthorized());
    setBase(admin, null, "{\"currency\":\"ZZZ\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("currency"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-currency"));
    setBase(admin, null, "{\"currency\":\"XXX\"}").andExpect(status().isUnprocessableContent());
    setBase(admin, null, "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("notnull"));

    setBase(admin, "\"0\"", "{\"currency\":\"usd\"}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.currency").value("USD"));
    setBase(admin, "\"0\"", "{\"currency\":\"EUR\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"));
    mvc.perform(get("/api/v1/base-currency").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.currency").value("USD"));
    // the rate against CNY stays, but no longer applies
    mvc.perform(get(rate).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.baseCurrency").value("CNY"))
        .andExpect(jsonPath("$.inUse").value(false));
    create(admin, "{\"currency\":\"CNY\",\"validFrom\":\"2026-01-01\",\"rate\":0.14}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.baseCurrency").value("USD"));
    // another workspace keeps its own base currency
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/base-currency").header("Authorization", foreign.bearer()))
        .andExpect(jsonPath("$.currency").value("CNY"));
  }

  @Test
  void aFileOfRatesImportsAndAgainPutsItsFiguresRight() throws Exception {
    String file =
        "\uFEFFcurrency,date,rate\nGBP,2026-01-01,9.1\nGBP,2026-02-01,9.2\n\nusd,2026/1/1,7.1\n";
    importFile(admin, file)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.lines").value(3))
        .andExpect(jsonPath("$.created").value(3))
        .andExpect(jsonPath("$.changed").value(0));
    importFile(admin, "GBP;2026-01-01;9.1\nGBP;2026-02-01;9.25\nEUR;2026-01-01;7.8\n")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(1))
        .andExpect(jsonPath("$.changed").value(1))
        .andExpect(jsonPath("$.unchanged").value(1));
    mvc.perform(
            get("/api/v1/exchange-rates")
                .param("currency", "GBP")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].rate", contains(9.25, 9.1)))
        .andExpect(jsonPath("$.items[*].version", contains(1, 0)));
  }

  @Test
  void aFileWithBadLinesIsRefusedWholeNamingEachBadLine() throws Exception {
    String file =
        "currency,date,rate\nGBP,2026-03-01,9.3\nGBP,2026-13-01,9.4\nJPY,2026-03-01,-0.05\n"
            + "ZZZ,2026-03-01,1\nGBP,2026-03-01,9.5\nCNY,2026-03-01,1\nUSD,2026-03-01\n";
    importFile(admin, file)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:invalid-rates-file"))
        .andExpect(jsonPath("$.code").value("invalid-rates-file"))
        .andExpect(jsonPath("$.errors[*].line", contains(3, 4, 5, 6, 7, 8)))
        .andExpect(
            jsonPath(
                "$.errors[*].code",
                contains(
                    "invalid-date",
                    "decimalmin",
                    "unknown-currency",
                    "duplicate-line",
                    "same-as-base",
                    "missing-cells")))
        .andExpect(jsonPath("$.errors[0].field").value("date"))
        .andExpect(jsonPath("$.errors[3].message").value(containsString("Line 2")));
    mvc.perform(get("/api/v1/exchange-rates").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());

    importFile(admin, "currency,date,rate\n\n")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("empty-file"));
    mvc.perform(
            multipart("/api/v1/exchange-rates/import")
                .file(
                    new MockMultipartFile("file", "rates.csv", "text/csv", new byte[(1 << 20) + 1]))
                .header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("rates-file-too-large"));
    mvc.perform(
            multipart("/api/v1/exchange-rates/import")
                .param("other", "x")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("file-required"));
  }

  @Test
  void aConversionTakesTheLatestRateValidOnTheDayAndSaysWhenThereIsNone() throws Exception {
    location(admin, "GBP", "2026-01-01", "9.1");
    location(admin, "GBP", "2026-02-01", "9.2");
    location(admin, "USD", "2026-01-01", "7.0");
    workspace.in(
        () -> {
          assertThat(
                  exchangeRates.convert(
                      new BigDecimal("100"), "GBP", "CNY", LocalDate.of(2026, 1, 31)))
              .isEqualByComparingTo("910");
          assertThat(
                  exchangeRates.convert(
                      new BigDecimal("100"), "GBP", "CNY", LocalDate.of(2026, 2, 1)))
              .isEqualByComparingTo("920");
          // through the base: 100 × 9.2 / 7.0 = 131.428571… → 131.4286
          assertThat(
                  exchangeRates.convert(
                      new BigDecimal("100"), "GBP", "USD", LocalDate.of(2027, 6, 1)))
              .isEqualByComparingTo("131.4286");
          assertThat(
                  exchangeRates.convert(
                      new BigDecimal("70"), "CNY", "USD", LocalDate.of(2026, 1, 1)))
              .isEqualByComparingTo("10");
          assertThatThrownBy(
                  () ->
                      exchangeRates.convert(
                          new BigDecimal("100"), "GBP", "CNY", LocalDate.of(2025, 12, 31)))
              .isInstanceOf(NoExchangeRate.class)
              .satisfies(
                  e ->
                      assertThat(((NoExchangeRate) e).missing())
                          .isEqualTo(
                              new MissingExchangeRate("GBP", "CNY", LocalDate.of(2025, 12, 31))));
          assertThat(
                  exchangeRates
                      .toBase(
                          List.of("GBP", "EUR", "CNY"),
                          LocalDate.of(2026, 1, 15),
                          LocalDate.of(2026, 3, 1))
                      .rate("GBP", LocalDate.of(2026, 1, 15)))
              .isEqualByComparingTo("9.1");
          return null;
        });
  }

  ResultActions create(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/exchange-rates")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  String location(Member member, String currency, String validFrom, String rate) throws Exception {
    return create(
            member,
            "{\"currency\":\"%s\",\"validFrom\":\"%s\",\"rate\":%s}"
                .formatted(currency, validFrom, rate))
        .andExpect(status().isCreated())
        .andReturn()
        .getResponse()
        .getHeader("Location");
  }

  ResultActions change(String location, String ifMatch, String json) throws Exception {
    return mvc.perform(
        patch(location)
            .header("Authorization", admin.bearer())
            .header("If-Match", ifMatch)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions setBase(Member member, @Nullable String ifMatch, String json) throws Exception {
    var request =
        put("/api/v1/base-currency")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    // every change names the version it read: the current one unless the test names another
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/base-currency"));
    return mvc.perform(request);
  }

  ResultActions importFile(Member member, String content) throws Exception {
    return mvc.perform(
        multipart("/api/v1/exchange-rates/import")
            .file(
                new MockMultipartFile(
                    "file", "rates.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
            .header("Authorization", member.bearer()));
  }
}
