package org.guanxi.crm.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class ProductApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void aProductIsCreatedInItsCategoryAndReadBackWithItsETag() throws Exception {
    String pumps = idOf(postAs(admin, "/api/v1/product-categories", "{\"name\":\"泵\"}"));
    String id =
        idOf(
            postAs(
                    admin,
                    "/api/v1/products",
                    """
                {"code": "P-100", "name": "工业水泵", "categoryId": "%s", "unit": "台",
                 "listPrice": 1200, "unitCost": 800.5}"""
                        .formatted(pumps))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/products/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.currency").value("CNY"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.categoryName").value("泵")));

    mvc.perform(get("/api/v1/products/" + id).header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.code").value("P-100"))
        .andExpect(jsonPath("$.listPrice").value(1200))
        .andExpect(jsonPath("$.unitCost").value(800.5));
  }

  @Test
  void badInputIsRejectedWithFieldErrorsAndNothingIsSaved() throws Exception {
    postAs(
            admin,
            "/api/v1/products",
            "{\"code\": \"\", \"name\": \"x\", \"unit\": \"台\", \"listPrice\": -1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItems("code", "listPrice")));
    postAs(
            admin,
            "/api/v1/products",
            "{\"code\": \"A\", \"name\": \"x\", \"unit\": \"台\", \"listPrice\": \"cheap\"}")
        .andExpect(status().isBadRequest());
    postAs(
            admin,
            "/api/v1/products",
            "{\"code\": \"A\", \"name\": \"x\", \"unit\": \"台\", \"listPrice\": 1, \"categoryId\": \"0196a000-0000-7000-8000-000000000000\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-category"));
    assertThat(codes(admin, "")).isEmpty();
  }

  @Test
  void aCodeIsUniqueInTheWorkspaceWhateverItsCaseButFreeInAnother() throws Exception {
    product(admin, "P-1", "水泵", 100);
    postAs(admin, "/api/v1/products", product("p-1", "另一个", 5))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("code-taken"));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    postAs(foreign, "/api/v1/products", product("P-1", "水泵", 100)).andExpect(status().isCreated());
    assertThat(codes(admin, "")).containsExactly("P-1");
  }

  @Test
  void theSearchFindsAnyPartOfCodeOrNameAndPagesByCursor() throws Exception {
    for (int i = 0; i < 5; i++) {
      product(admin, "V-" + i, "阀门" + i, 10);
    }
    product(admin, "P-9", "工业水泵", 10);
    assertThat(codes(admin, "水泵")).containsExactly("P-9");
    assertThat(codes(admin, "v-")).containsExactly("V-0", "V-1", "V-2", "V-3", "V-4");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String json =
          mvc.perform(
                  get("/api/v1/products")
                      .param("limit", "4")
                      .param("cursor", cursor)
                      .header("Authorization", admin.bearer()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      seen.addAll(JsonPath.read(json, "$.items[*].code"));
      cursor = JsonPath.read(json, "$.nextCursor");
    } while (cursor != null);
    assertThat(seen).containsExactly("P-9", "V-0", "V-1", "V-2", "V-3", "V-4");
    mvc.perform(get("/api/v1/products?cursor=garbage").header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("cursor"));
  }

  @Test
  void withoutATokenNothingIsReadOrSaved() throws Exception {
    mvc.perform(
            post("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .content(product("X", "x", 1)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthorized"));
    mvc.perform(get("/api/v1/products")).andExpect(status().isUnauthorized());
    assertThat(codes(admin, "")).isEmpty();
  }

  @Test
  void aSalesRepReadsTheCatalogueButCannotChangeIt() throws Exception {
    String id = product(admin, "P-1", "水泵", 100);
    Member rep = workspace.member(Role.SALES);
    assertThat(codes(rep, "")).containsExactly("P-1");
    postAs(rep, "/api/v1/products", product("P-2", "x", 1)).andExpect(status().isForbidden());
    patchAs(rep, "/api/v1/products/" + id, null, "{\"name\":\"改\"}")
        .andExpect(status().isForbidden());
    assertThat(codes(admin, "")).containsExactly("P-1");
  }

  @Test
  void anotherWorkspacesProductIsNotFound() throws Exception {
    String id = product(admin, "P-1", "水泵", 100);
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/products/" + id).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    patchAs(foreign, "/api/v1/products/" + id, null, "{\"name\":\"hijacked\"}")
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/products/" + id).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.name").value("水泵"));
  }

  @Test
  void aStaleChangeGets412AndChangesNothing() throws Exception {
    String id = product(admin, "P-1", "水泵", 100);
    patchAs(admin, "/api/v1/products/" + id, "\"0\"", "{\"listPrice\": 120, \"active\": false}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.listPrice").value(120))
        .andExpect(jsonPath("$.active").value(false));
    patchAs(admin, "/api/v1/products/" + id, "\"0\"", "{\"listPrice\": 90}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"));
    patchAs(admin, "/api/v1/products/" + id, null, "{\"listPrce\": 90}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    mvc.perform(get("/api/v1/products/" + id).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.listPrice").value(120));
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyCreatesOneProduct() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              post("/api/v1/products")
                  .header("Authorization", admin.bearer())
                  .header("Idempotency-Key", "p-1")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(product("P-1", "水泵", 100)))
          .andExpect(status().isCreated());
    }
    assertThat(codes(admin, "")).containsExactly("P-1");
  }

  @Test
  void aCategoryCannotBeMovedBelowItself() throws Exception {
    String top = idOf(postAs(admin, "/api/v1/product-categories", "{\"name\":\"机械\"}"));
    String below =
        idOf(
            postAs(
                admin,
                "/api/v1/product-categories",
                "{\"name\":\"泵\",\"parentId\":\"" + top + "\"}"));
    patchAs(admin, "/api/v1/product-categories/" + top, "\"0\"", "{\"parentId\":\"" + below + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("category-cycle"));
    patchAs(admin, "/api/v1/product-categories/" + below, "\"0\"", "{\"name\":\"水泵\"}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    patchAs(admin, "/api/v1/product-categories/" + below, "\"0\"", "{\"name\":\"旧\"}")
        .andExpect(status().isPreconditionFailed());
    postAs(admin, "/api/v1/product-categories", "{\"name\":\"\"}")
        .andExpect(status().isUnprocessableContent());
    mvc.perform(get("/api/v1/product-categories").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("机械", "水泵")));
  }

  @Test
  void aPriceListHoldsAPricePerProductAndEachChangeIsAVersion() throws Exception {
    String pump = product(admin, "P-1", "水泵", 100);
    String list =
        idOf(
            postAs(
                admin,
                "/api/v1/price-lists",
                "{\"name\":\"大客户价\",\"customerGroup\":\"KEY_ACCOUNT\"}"));
    putAs(admin, "/api/v1/price-lists/" + list + "/prices/" + pump, "\"0\"", "{\"price\": 88}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    putAs(admin, "/api/v1/price-lists/" + list + "/prices/" + pump, "\"0\"", "{\"price\": 70}")
        .andExpect(status().isPreconditionFailed());
    putAs(admin, "/api/v1/price-lists/" + list + "/prices/" + pump, null, "{\"price\": -70}")
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            get("/api/v1/price-lists/" + list + "/prices").header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.priceList.customerGroup").value("KEY_ACCOUNT"))
        .andExpect(jsonPath("$.prices[0].productCode").value("P-1"))
        .andExpect(jsonPath("$.prices[0].price").value(88));
    postAs(admin, "/api/v1/price-lists", "{\"name\":\"\",\"customerGroup\":\"\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", hasItems("name", "customerGroup")));
    Member rep = workspace.member(Role.SALES);
    putAs(rep, "/api/v1/price-lists/" + list + "/prices/" + pump, null, "{\"price\": 1}")
        .andExpect(status().isForbidden());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/price-lists/" + list).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
  }

  String product(Member member, String code, String name, int price) throws Exception {
    return idOf(postAs(member, "/api/v1/products", product(code, name, price)));
  }

  static String product(String code, String name, int price) {
    return "{\"code\":\"%s\",\"name\":\"%s\",\"unit\":\"台\",\"listPrice\":%d,\"unitCost\":%d}"
        .formatted(code, name, price, price / 2);
  }

  ResultActions postAs(Member member, String path, String json) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions patchAs(Member member, String path, String ifMatch, String json) throws Exception {
    var call =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    call.header(
        "If-Match", ifMatch != null ? ifMatch : Versions.forChange(mvc, member.bearer(), path));
    return mvc.perform(call);
  }

  ResultActions putAs(Member member, String path, String ifMatch, String json) throws Exception {
    var call =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    call.header(
        "If-Match", ifMatch != null ? ifMatch : Versions.forChange(mvc, member.bearer(), path));
    return mvc.perform(call);
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }

  List<String> codes(Member member, String q) throws Exception {
    String json =
        mvc.perform(get("/api/v1/products").param("q", q).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].code");
  }
}
