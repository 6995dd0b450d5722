package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import jakarta.servlet.http.Cookie;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The exchange rates page: the base currency, the rates, their form and the import. */
@GuanxiTest
class ExchangeRatePagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Cookie session;

  @BeforeEach
  void signedInAdministrator() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
  }

  @Test
  void thePageShowsInEachLanguageAndIsInTheAdministratorsMenu() throws Exception {
    page(get("/admin/exchange-rates").param("lang", "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<h1>汇率</h1>")))
        .andExpect(content().string(containsString("本位币")))
        .andExpect(content().string(containsString("value=\"CNY\"")))
        .andExpect(content().string(containsString("href=\"/admin/exchange-rates\"")))
        .andExpect(content().string(containsString("还没有汇率。")));
    page(get("/admin/exchange-rates").param("lang", "zh-TW"))
        .andExpect(content().string(containsString("<h1>匯率</h1>")))
        .andExpect(content().string(containsString("本位幣")))
        .andExpect(content().string(containsString("匯入匯率")));
    page(get("/admin/exchange-rates").param("lang", "en"))
        .andExpect(content().string(containsString("<h1>Exchange rates</h1>")))
        .andExpect(content().string(containsString("Base currency")))
        .andExpect(content().string(containsString("Import rates")));

    Member rep = workspace.member(Role.SALES);
    Cookie repSession = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/admin/exchange-rates").cookie(repSession)).andExpect(status().isForbidden());
    mvc.perform(get("/customers").cookie(repSession))
        .andExpect(content().string(not(containsString("/admin/exchange-rates"))));
  }

  @Test
  void anAdministratorAddsChangesAndDeletesARateThroughTheForms() throws Exception {
    page(post("/admin/exchange-rates")
            .with(csrf())
            .param("currency", "GBP")
            .param("validFrom", "2026-01-01")
            .param("rate", "9.1234"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/exchange-rates?created"));
    String list =
        page(get("/admin/exchange-rates").param("lang", "en").param("created", ""))
            .andExpect(content().string(containsString("The rate was added.")))
            .andExpect(content().string(containsString("9.1234 CNY")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = list.replaceAll("(?s).*id=\"rate-([0-9a-f-]{36})\".*", "$1");

    page(get("/admin/exchange-rates/" + id).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"9.1234\"")));
    page(post("/admin/exchange-rates/" + id)
            .with(csrf())
            .param("version", "0")
            .param("currency", "GBP")
            .param("validFrom", "2026-01-01")
            .param("rate", "9.2"))
        .andExpect(redirectedUrl("/admin/exchange-rates?saved"));
    // a second window still at version 0
    page(post("/admin/exchange-rates/" + id)
            .with(csrf())
            .param("lang", "en")
            .param("version", "0")
            .param("currency", "GBP")
            .param("validFrom", "2026-01-01")
            .param("rate", "9.3"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Someone else changed this rate")))
        .andExpect(content().string(containsString("value=\"9.3\"")))
        .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
    page(post("/admin/exchange-rates/" + id + "/delete").with(csrf()).param("version", "1"))
        .andExpect(redirectedUrl("/admin/exchange-rates?deleted"));
    page(get("/admin/exchange-rates/" + id)).andExpect(status().isNotFound());
  }

  @Test
  void badInputShowsReadableMessagesAndKeepsWhatWasTyped() throws Exception {
    page(post("/admin/exchange-rates")
            .with(csrf())
            .param("lang", "en")
            .param("currency", "ZZZ")
            .param("validFrom", "2026-01-01")
            .param("rate", "-1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Please correct the marked fields")))
        .andExpect(content().string(containsString("A rate is more than zero.")))
        .andExpect(content().string(containsString("value=\"ZZZ\"")));
    page(post("/admin/exchange-rates")
            .with(csrf())
            .param("lang", "zh-CN")
            .param("currency", "ZZZ")
            .param("validFrom", "2026-01-01")
            .param("rate", "9.1"))
        .andExpect(content().string(containsString("不是 ISO 4217 币种代码")));
    page(post("/admin/exchange-rates")
            .with(csrf())
            .param("lang", "zh-TW")
            .param("currency", "GBP")
            .param("validFrom", "someday")
            .param("rate", "lots"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("不是日期")))
        .andExpect(content().string(containsString("不是數字")))
        .andExpect(content().string(containsString("value=\"lots\"")));
  }

  @Test
  void theBaseCurrencyIsChangedOnThePage() throws Exception {
    page(post("/admin/exchange-rates/base-currency")
            .with(csrf())
            .param("lang", "en")
            .param("version", "0")
            .param("currency", "ABC"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Not an ISO 4217 currency code")));
    page(post("/admin/exchange-rates/base-currency")
            .with(csrf())
            .param("version", "0")
            .param("currency", "EUR"))
        .andExpect(redirectedUrl("/admin/exchange-rates?baseChanged"));
    page(get("/admin/exchange-rates")).andExpect(content().string(containsString("value=\"EUR\"")));
    page(post("/admin/exchange-rates/base-currency")
            .with(csrf())
            .param("lang", "en")
            .param("version", "0")
            .param("currency", "USD"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Someone else changed the base currency")));
  }

  @Test
  void anImportedFileWithABadLineNamesTheLine() throws Exception {
    page(multipart("/admin/exchange-rates/import")
            .file(file("currency,date,rate\nGBP,2026-01-01,9.1\nUSD,2026-01-01,seven\n"))
            .with(csrf())
            .param("lang", "en"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("The file was not imported")))
        .andExpect(content().string(containsString("Line 3: Not a number such as 9.1234.")));
    page(multipart("/admin/exchange-rates/import")
            .file(file("GBP,2026-01-01,9.1\nUSD,2026-01-01,7.1\n"))
            .with(csrf()))
        .andExpect(redirectedUrl("/admin/exchange-rates?imported=2"));
    page(get("/admin/exchange-rates").param("lang", "zh-CN").param("imported", "2"))
        .andExpect(content().string(containsString("汇率已导入：2 行。")))
        .andExpect(content().string(containsString("7.1 CNY")));
  }

  @Test
  void theMoneyBundlesHaveTheSameKeys() throws Exception {
    Properties en = bundle("");
    assertThat(bundle("_zh_CN").keySet()).isEqualTo(en.keySet());
    assertThat(bundle("_zh_TW").keySet()).isEqualTo(en.keySet());
  }

  ResultActions page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
    return mvc.perform(request.cookie(session));
  }

  static MockMultipartFile file(String content) {
    return new MockMultipartFile(
        "file", "rates.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
  }

  Properties bundle(String suffix) throws Exception {
    Properties properties = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/i18n/money" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
