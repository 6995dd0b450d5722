package org.guanxi.crm.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.guanxi.crm.platform.Role;
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

@GuanxiTest
class OrderImportPagesTests {

  static final String FILE =
      "Beleg,Datum,Kunde,Artikel,Menge,Preis\n"
          + "9001,2026-04-01,K-9,A-1,2,10\n"
          + "9001,2026-04-01,,A-1,1,10\n";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Cookie session;

  @BeforeEach
  void anAdministratorSignedIn() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
  }

  @Test
  void aFileIsUploadedItsColumnsChosenAndItsProgressAndReportShown() throws Exception {
    mvc.perform(get("/orders").cookie(session))
        .andExpect(content().string(containsString("/orders/import")))
        .andExpect(content().string(containsString("从文件导入订单")));
    mvc.perform(get("/orders/import").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("导入订单")))
        .andExpect(content().string(containsString("还没有订单导入")));

    String page =
        mvc.perform(
                multipart("/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "belege.csv",
                            "text/csv",
                            FILE.getBytes(StandardCharsets.UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(page).startsWith("/orders/import/");

    mvc.perform(get(page).cookie(session).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Which column fills which field?")))
        .andExpect(content().string(containsString("The file has 2 order lines.")))
        .andExpect(content().string(containsString("Beleg")))
        .andExpect(content().string(containsString("Customer key (external)")))
        .andExpect(content().string(containsString("Create the products that are missing")));

    mvc.perform(
            post(page + "/mapping")
                .cookie(session)
                .with(csrf())
                .param("column0", "orderNumber")
                .param("column1", "orderDate"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Choose the columns for the order number")));

    mvc.perform(
            post(page + "/mapping")
                .cookie(session)
                .with(csrf())
                .param("column0", "orderNumber")
                .param("column1", "orderDate")
                .param("column2", "customerKey")
                .param("column3", "productCode")
                .param("column4", "quantity")
                .param("column5", "unitPrice")
                .param("defaultCurrency", "eur")
                .param("createCustomers", "on")
                .param("customerKind", "INDIVIDUAL")
                .param("returnPrefix", "C"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(page));

    String progress = "";
    for (int i = 0; i < 300 && !progress.contains("Finished"); i++) {
      Thread.sleep(100);
      progress =
          mvc.perform(get(page + "/progress").cookie(session))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
    }
    assertThat(progress).contains("Finished");
    mvc.perform(get(page).cookie(session).param("lang", "zh-TW"))
        .andExpect(content().string(containsString("已完成")))
        .andExpect(content().string(containsString("無客戶的列")))
        .andExpect(content().string(containsString(page + "/report.csv")));
    mvc.perform(get(page + "/report.csv").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("NO_CUSTOMER")))
        .andExpect(content().string(containsString("此列沒有客戶。")));
    mvc.perform(get("/orders/import").cookie(session))
        .andExpect(content().string(containsString("belege.csv")));
  }

  @Test
  void othersAreKeptOutOfTheImportPages() throws Exception {
    Member rep = workspace.member(Role.SALES);
    Cookie repSession = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/orders/import").cookie(repSession)).andExpect(status().isForbidden());
    mvc.perform(get("/orders").cookie(repSession))
        .andExpect(content().string(not(containsString("/orders/import"))));

    String page =
        mvc.perform(
                multipart("/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "belege.csv",
                            "text/csv",
                            FILE.getBytes(StandardCharsets.UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Member manager = workspace.member(Role.MANAGER);
    Cookie managerSession = PageLogin.signIn(mvc, manager.username(), TestWorkspace.PASSWORD);
    mvc.perform(get(page).cookie(managerSession))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("该导入不存在或不属于您")));

    mvc.perform(
            multipart("/orders/import")
                .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                .cookie(session)
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("文件为空")));
  }
}
