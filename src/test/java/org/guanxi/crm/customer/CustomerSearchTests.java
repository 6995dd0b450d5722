package org.guanxi.crm.customer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.ImportJobs;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@GuanxiTest
class CustomerSearchTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void customers() throws Exception {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
    create(
        "{\"kind\":\"INDIVIDUAL\",\"name\":\"张伟\",\"phone\":\"13812345678\",\"email\":\"zhang.wei@example.com\"}");
    create("{\"kind\":\"INDIVIDUAL\",\"name\":\"欧阳娜娜\",\"phone\":\"+86 139-0000-4321\"}");
    create("{\"kind\":\"ORGANIZATION\",\"name\":\"北京字节跳动科技有限公司\"}");
    create(
        "{\"kind\":\"ORGANIZATION\",\"name\":\"Northwind Trading Ltd\",\"email\":\"sales@northwind.example\"}");
    create("{\"kind\":\"INDIVIDUAL\",\"name\":\"張學友\"}");
  }

  @Test
  void anyTwoCharactersOfAChineseNameFindIt() throws Exception {
    assertThat(search("张伟")).containsExactly("张伟");
    assertThat(search("阳娜")).containsExactly("欧阳娜娜");
    assertThat(search("字节跳动")).containsExactly("北京字节跳动科技有限公司");
    assertThat(search("科技有限")).containsExactly("北京字节跳动科技有限公司");
  }

  @Test
  void aSingleCharacterFindsEveryNameWithIt() throws Exception {
    assertThat(search("张")).containsExactlyInAnyOrder("张伟", "張學友");
  }

  @Test
  void traditionalAndSimplifiedCharactersFindEachOther() throws Exception {
    assertThat(search("張偉")).containsExactly("张伟");
    assertThat(search("学友")).containsExactly("張學友");
  }

  @Test
  void pinyinInFullOrByInitialsFindsChineseNames() throws Exception {
    assertThat(search("zhangwei")).containsExactly("张伟");
    assertThat(search("zw")).containsExactly("张伟");
    assertThat(search("ouyang")).containsExactly("欧阳娜娜");
    assertThat(search("oynn")).containsExactly("欧阳娜娜");
    assertThat(search("zijietiaodong")).containsExactly("北京字节跳动科技有限公司");
    assertThat(search("ZhangXueYou")).containsExactly("張學友");
  }

  @Test
  void anyPartOfAnEnglishNameFindsIt() throws Exception {
    assertThat(search("northwind")).containsExactly("Northwind Trading Ltd");
    assertThat(search("rading")).containsExactly("Northwind Trading Ltd");
  }

  @Test
  void anExactEmailAddressFindsItsCustomerWhateverTheCase() throws Exception {
    assertThat(search("Zhang.Wei@Example.COM")).containsExactly("张伟");
    assertThat(search("sales@northwind.example")).containsExactly("Northwind Trading Ltd");
    assertThat(search("zhang@example.com")).isEmpty();
  }

  @Test
  void aPhoneNumberFindsItsCustomerInAnyNotation() throws Exception {
    assertThat(search("138 1234 5678")).containsExactly("张伟");
    assertThat(search("+8613900004321")).containsExactly("欧阳娜娜");
  }

  @Test
  void thePhonesLastFourDigitsFindItsCustomer() throws Exception {
    assertThat(search("5678")).containsExactly("张伟");
    assertThat(search("4321")).containsExactly("欧阳娜娜");
    assertThat(search("9999")).isEmpty();
  }

  @Test
  void digitsInANameFindIt() throws Exception {
    create("{\"kind\":\"ORGANIZATION\",\"name\":\"华为2024项目部\"}");
    create("{\"kind\":\"ORGANIZATION\",\"name\":\"Store 12\"}");

    assertThat(search("2024")).containsExactly("华为2024项目部");
    assertThat(search("202")).containsExactly("华为2024项目部");
    assertThat(search("华为2024")).containsExactly("华为2024项目部");
    assertThat(search("12")).containsExactly("Store 12");
  }

  @Test
  void anExactExternalKeyFindsItsCustomer() throws Exception {
    String customer = create("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}");
    setExternalKey(customer, "17850");
    String erp = create("{\"kind\":\"ORGANIZATION\",\"name\":\"东方贸易\"}");
    setExternalKey(erp, "ERP-001");

    assertThat(search("17850")).containsExactly("华信科技");
    assertThat(search("ERP-001")).containsExactly("东方贸易");
    assertThat(search("1785")).isEmpty();
    assertThat(search("erp-00")).isEmpty();
  }

  @Test
  void aCustomerImportedByItsKeyAloneIsFoundByTypingTheKey() throws Exception {
    // the Online Retail data set names its customers by number only: such a customer is created
    // with its key as its name
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String csv =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n"
            + "536365,2010-12-01 08:26:00,17850,85123A,6,2.55\n";
    String location =
        mvc.perform(
                multipart("/api/v1/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file", "online_retail.csv", "text/csv", csv.getBytes(UTF_8)))
                    .param("options", "{\"createCustomers\":true,\"createProducts\":true}")
                    .header("Authorization", admin.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    ImportJobs.awaitFinished(mvc, admin, location);

    assertThat(searchAs(admin, "17850")).containsExactly("17850");
  }

  @Test
  void aQueryOfDigitsFindsByPhoneNameAndExternalKeyTogether() throws Exception {
    create("{\"kind\":\"INDIVIDUAL\",\"name\":\"王芳\",\"phone\":\"13700002024\"}");
    create("{\"kind\":\"ORGANIZATION\",\"name\":\"华为2024项目部\"}");
    setExternalKey(create("{\"kind\":\"ORGANIZATION\",\"name\":\"恒德实业\"}"), "2024");
    create("{\"kind\":\"ORGANIZATION\",\"name\":\"Store 13700\"}");

    assertThat(search("2024")).containsExactlyInAnyOrder("王芳", "华为2024项目部", "恒德实业");
    assertThat(search("137 0000 2024")).containsExactly("王芳");
    assertThat(search("13700")).containsExactly("Store 13700");
    assertThat(search("12345678901234567890")).isEmpty();
  }

  @Test
  void theRecycleBinFindsADeletedCustomerByItsExternalKey() throws Exception {
    String customer = create("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}");
    setExternalKey(customer, "17850");
    mvc.perform(
            delete("/api/v1/customers/" + customer)
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + customer)))
        .andExpect(status().isNoContent());

    assertThat(search("17850")).isEmpty();
    String json =
        mvc.perform(
                get("/api/v1/customers")
                    .param("q", "17850")
                    .param("deleted", "true")
                    .header("Authorization", sales.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(json, "$.items[*].name")).containsExactly("华信科技");
  }

  @Test
  void searchOnlyFindsCustomersTheUserMaySee() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    assertThat(searchAs(otherRep, "张伟")).isEmpty();
    assertThat(searchAs(otherRep, "5678")).isEmpty();
    assertThat(searchAs(otherRep, "zhang.wei@example.com")).isEmpty();
    setExternalKey(create("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}"), "17850");
    assertThat(searchAs(otherRep, "17850")).isEmpty();
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    assertThat(searchAs(foreign, "zhangwei")).isEmpty();
    assertThat(searchAs(foreign, "17850")).isEmpty();
  }

  @Test
  void likeWildcardsInTheQueryAreTakenLiterally() throws Exception {
    assertThat(search("%%%")).isEmpty();
    assertThat(search("___")).isEmpty();
  }

  private String create(String json) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  private void setExternalKey(String customer, String key) throws Exception {
    mvc.perform(
            put("/api/v1/customers/" + customer + "/external-key")
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalKey\":\"" + key + "\"}"))
        .andExpect(status().isOk());
  }

  private List<String> search(String q) throws Exception {
    return searchAs(sales, q);
  }

  private List<String> searchAs(Member member, String q) throws Exception {
    String json =
        mvc.perform(get("/api/v1/customers").param("q", q).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
  }
}
