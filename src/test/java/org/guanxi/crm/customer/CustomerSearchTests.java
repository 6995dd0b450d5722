package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
  void searchOnlyFindsCustomersTheUserMaySee() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    assertThat(searchAs(otherRep, "张伟")).isEmpty();
    assertThat(searchAs(otherRep, "5678")).isEmpty();
    assertThat(searchAs(otherRep, "zhang.wei@example.com")).isEmpty();
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    assertThat(searchAs(foreign, "zhangwei")).isEmpty();
  }

  @Test
  void likeWildcardsInTheQueryAreTakenLiterally() throws Exception {
    assertThat(search("%%%")).isEmpty();
    assertThat(search("___")).isEmpty();
  }

  private void create(String json) throws Exception {
    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", sales.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated());
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
