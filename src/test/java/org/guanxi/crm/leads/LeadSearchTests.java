package org.guanxi.crm.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The lead search box finds leads as the customer search finds customers. */
@GuanxiTest
class LeadSearchTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member rep;

  @BeforeEach
  void leads() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    create("{\"name\": \"张伟\", \"company\": \"东方电气\", \"phone\": \"13812345678\"}");
    create("{\"name\": \"張學友\", \"company\": \"環球貿易\"}");
    create("{\"name\": \"Li Lei\", \"company\": \"Acme Trading Ltd\", \"email\": \"li@acme.cn\"}");
    create("{\"company\": \"重庆长安汽车\"}");
  }

  @Test
  void pinyinInitialsFindAChineseName() throws Exception {
    assertThat(search("zw")).containsExactly("张伟");
    assertThat(search("ZW")).containsExactly("张伟");
  }

  @Test
  void fullPinyinFindsAChineseNameAndItsCompany() throws Exception {
    assertThat(search("zhangwei")).containsExactly("张伟");
    assertThat(search("dongfang")).containsExactly("张伟");
    assertThat(search("ZhangXueYou")).containsExactly("張學友");
  }

  @Test
  void traditionalAndSimplifiedCharactersFindEachOther() throws Exception {
    assertThat(search("張偉")).as("a traditional query, a simplified name").containsExactly("张伟");
    assertThat(search("东方電氣")).containsExactly("张伟");
    assertThat(search("学友")).as("a simplified query, a traditional name").containsExactly("張學友");
    assertThat(search("环球")).containsExactly("張學友");
  }

  @Test
  void anyPartOfANameOrCompanyFindsTheLead() throws Exception {
    assertThat(search("伟")).containsExactly("张伟");
    assertThat(search("长安")).containsExactly("重庆长安汽车");
    assertThat(search("acme")).containsExactly("Li Lei");
    assertThat(search("trad")).containsExactly("Li Lei");
    assertThat(search("lei")).containsExactly("Li Lei");
    assertThat(search("伟东")).as("characters that are not next to each other").isEmpty();
  }

  @Test
  void exactEmailPhoneAndThePhonesLastFourDigitsFindTheLead() throws Exception {
    assertThat(search("LI@ACME.CN")).containsExactly("Li Lei");
    assertThat(search("138-1234-5678")).containsExactly("张伟");
    assertThat(search("5678")).containsExactly("张伟");
    assertThat(search("1234")).isEmpty();
  }

  @Test
  void searchKeepsToTheLeadsTheUserMaySee() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    assertThat(searchAs(otherRep, "zw")).isEmpty();
    assertThat(searchAs(otherRep, "5678")).isEmpty();
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    assertThat(searchAs(foreign, "zhangwei")).isEmpty();
  }

  @Test
  void aChangedNameIsFoundByItsNewKeys() throws Exception {
    String id =
        JsonPath.read(
            create("{\"name\": \"王芳\"}").andReturn().getResponse().getContentAsString(), "$.id");
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                    "/api/v1/leads/" + id)
                .header("Authorization", rep.bearer())
                .header("If-Match", Versions.current(mvc, rep.bearer(), "/api/v1/leads/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"欧阳娜娜\"}"))
        .andExpect(status().isOk());
    assertThat(search("oynn")).containsExactly("欧阳娜娜");
    assertThat(search("wangfang")).isEmpty();
  }

  private org.springframework.test.web.servlet.ResultActions create(String json) throws Exception {
    return mvc.perform(
            post("/api/v1/leads")
                .header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated());
  }

  private List<String> search(String q) throws Exception {
    return searchAs(rep, q);
  }

  private List<String> searchAs(Member member, String q) throws Exception {
    String body =
        mvc.perform(get("/api/v1/leads").param("q", q).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> names = JsonPath.read(body, "$.items[*].name");
    List<String> companies = JsonPath.read(body, "$.items[*].company");
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      shown.add(names.get(i) != null ? names.get(i) : companies.get(i));
    }
    return shown;
  }
}
