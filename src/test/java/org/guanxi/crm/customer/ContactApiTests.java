package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class ContactApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;
  String customer;

  @BeforeEach
  void aCustomer() throws Exception {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
    customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", sales.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ORGANIZATION\",\"name\":\"恒达制造有限公司\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
  }

  @Test
  void addedContactsAreListedPrimaryFirstWithMaskedPersonalData() throws Exception {
    add(sales, "{\"name\":\"李采购\",\"title\":\"采购经理\",\"phone\":\"13600001234\"}")
        .andExpect(status().isCreated());
    add(sales, "{\"name\":\"王总\",\"email\":\"wang@hengda.example\",\"primary\":true}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.email").value("w***@hengda.example"));
    mvc.perform(get(contacts()).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("王总", "李采购")))
        .andExpect(jsonPath("$.items[1].phone").value("136****1234"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("CONTACT_ADDED"));
  }

  @Test
  void onlyOneContactIsPrimary() throws Exception {
    add(sales, "{\"name\":\"甲\",\"primary\":true}");
    add(sales, "{\"name\":\"乙\",\"primary\":true}");
    String json =
        mvc.perform(get(contacts()).header("Authorization", sales.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Boolean> primaries = JsonPath.read(json, "$.items[*].primary");
    assertThat(primaries).containsExactly(true, false);
    assertThat(JsonPath.<String>read(json, "$.items[0].name")).isEqualTo("乙");
  }

  @Test
  void aContactsPhoneOrEmailFindsItsCustomer() throws Exception {
    add(
        sales,
        "{\"name\":\"张工\",\"phone\":\"13711112222\",\"email\":\"zhang.gong@hengda.example\"}");
    for (String q : List.of("13711112222", "2222", "zhang.gong@hengda.example")) {
      mvc.perform(get("/api/v1/customers").param("q", q).header("Authorization", sales.bearer()))
          .andExpect(jsonPath("$.items[*].name", contains("恒达制造有限公司")));
    }
    Member otherRep = workspace.member(Role.SALES);
    mvc.perform(
            get("/api/v1/customers")
                .param("q", "13711112222")
                .header("Authorization", otherRep.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void invalidContactsAreRejectedAndNothingIsAdded() throws Exception {
    add(sales, "{\"name\":\"\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    add(sales, "{\"name\":\"赵\",\"email\":\"nope\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-email"));
    mvc.perform(get(contacts()).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void withoutCredentialsNothingIsReadOrAdded() throws Exception {
    mvc.perform(get(contacts())).andExpect(status().isUnauthorized());
    mvc.perform(
            post(contacts()).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get(contacts()).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void anotherRepOrWorkspaceCannotReadOrChangeTheContacts() throws Exception {
    String contact =
        JsonPath.read(
            add(sales, "{\"name\":\"钱经理\"}").andReturn().getResponse().getContentAsString(),
            "$.id");
    for (Member stranger :
        List.of(workspace.member(Role.SALES), workspaces.create().member(Role.ADMINISTRATOR))) {
      mvc.perform(get(contacts()).header("Authorization", stranger.bearer()))
          .andExpect(status().isNotFound());
      add(stranger, "{\"name\":\"入侵者\"}").andExpect(status().isNotFound());
      mvc.perform(
              put(contacts() + "/" + contact)
                  .header("Authorization", stranger.bearer())
                  .header("If-Match", "\"0\"")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\":\"改\"}"))
          .andExpect(status().isNotFound());
      mvc.perform(
              delete(contacts() + "/" + contact)
                  .header("Authorization", stranger.bearer())
                  .header("If-Match", "\"0\""))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get(contacts()).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("钱经理")));
  }

  @Test
  void replacingWithAStaleVersionGets412() throws Exception {
    String contact =
        JsonPath.read(
            add(sales, "{\"name\":\"孙秘书\"}").andReturn().getResponse().getContentAsString(),
            "$.id");
    mvc.perform(
            put(contacts() + "/" + contact)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"孙秘书\",\"title\":\"总经理秘书\"}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    mvc.perform(
            put(contacts() + "/" + contact)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"孙秘书\",\"title\":\"前台\"}"))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(get(contacts() + "/" + contact).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.title").value("总经理秘书"));
  }

  @Test
  void removedContactsAreGone() throws Exception {
    String contact =
        JsonPath.read(
            add(sales, "{\"name\":\"周会计\"}").andReturn().getResponse().getContentAsString(),
            "$.id");
    mvc.perform(delete(contacts() + "/" + contact).header("Authorization", sales.bearer()))
        .andExpect(status().isNoContent());
    mvc.perform(get(contacts() + "/" + contact).header("Authorization", sales.bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void theCustomerPageAddsAContactWithoutReloading() throws Exception {
    var session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/customers/" + customer + "/contacts")
                .cookie(session)
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "页面联系人")
                .param("phone", "13800001111"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("页面联系人")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("138****1111")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
    mvc.perform(
            post("/customers/" + customer + "/contacts")
                .cookie(session)
                .with(csrf())
                .param("name", "坏号码")
                .param("phone", "1"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("电话号码无效")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"坏号码\"")));
  }

  private String contacts() {
    return "/api/v1/customers/" + customer + "/contacts";
  }

  private ResultActions add(Member member, String json) throws Exception {
    return mvc.perform(
        post(contacts())
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
