package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * The pool through the API: listing the pools one sees, claiming within the limit, assigning,
 * releasing and reclaiming, each safe against a concurrent move, each on the timeline.
 */
@GuanxiTest
class CustomerPoolApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  UUID east;
  UUID north;
  Member admin;
  Member managerEast;
  Member repEast;
  Member otherRepEast;
  Member repNorth;

  @BeforeEach
  void twoTeams() {
    workspace = workspaces.create();
    east = workspace.team("华东 East", null);
    north = workspace.team("华北 North", null);
    admin = workspace.member(Role.ADMINISTRATOR);
    managerEast = workspace.member(Role.MANAGER, east);
    repEast = workspace.member(Role.SALES, east);
    otherRepEast = workspace.member(Role.SALES, east);
    repNorth = workspace.member(Role.SALES, north);
  }

  // --- releasing and reclaiming

  @Test
  void theOwnerReleasesACustomerToTheTeamsPoolAndNoLongerSeesIt() throws Exception {
    UUID customer = create(repEast, "东方红贸易", "13811112222");
    release(repEast, customer, "客户已转向竞争对手", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(customer.toString()))
        .andExpect(jsonPath("$.reason").value("RELEASED"))
        .andExpect(jsonPath("$.poolTeamId").value(east.toString()))
        .andExpect(jsonPath("$.poolTeamName").value("华东 East"))
        .andExpect(jsonPath("$.formerOwnerName").value("Test " + repEast.username()))
        .andExpect(jsonPath("$", not(hasKey("phone"))));
    read(repEast, customer).andExpect(status().isNotFound());

    timeline(customer)
        .andExpect(jsonPath("$.items[0].kind").value("POOL_RETURNED"))
        .andExpect(jsonPath("$.items[0].actorName").value("Test " + repEast.username()))
        .andExpect(jsonPath("$.items[0].detail.reason").value("RELEASED"))
        .andExpect(jsonPath("$.items[0].detail.note").value("客户已转向竞争对手"))
        .andExpect(jsonPath("$.items[0].detail.formerOwner").value("Test " + repEast.username()))
        .andExpect(jsonPath("$.items[0].detail.poolTeam").value("华东 East"));
  }

  @Test
  void aManagerReclaimsACustomerOfTheTeamAndAnotherTeamsManagerMayNot() throws Exception {
    UUID customer = create(repEast, "红星机械", null);
    Member managerNorth = workspace.member(Role.MANAGER, north);
    release(managerNorth, customer, "不跟进", null).andExpect(status().isNotFound());
    release(otherRepEast, customer, "不跟进", null).andExpect(status().isNotFound());

    release(managerEast, customer, "三个月没有联系", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reason").value("RECLAIMED"))
        .andExpect(jsonPath("$.poolTeamId").value(east.toString()));
    timeline(customer)
        .andExpect(jsonPath("$.items[0].detail.reason").value("RECLAIMED"))
        .andExpect(jsonPath("$.items[0].actorName").value("Test " + managerEast.username()))
        .andExpect(jsonPath("$.items[0].detail.formerOwner").value("Test " + repEast.username()));
  }

  @Test
  void aRepWithWhomACustomerIsSharedMayNotReleaseIt() throws Exception {
    UUID customer = create(repEast, "共享公司", null);
    mvc.perform(
            post("/api/v1/customers/" + customer + "/shares")
                .header("Authorization", repEast.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + otherRepEast.id() + "\"}"))
        .andExpect(status().is2xxSuccessful());
    release(otherRepEast, customer, "不要了", null)
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    read(repEast, customer).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
  }

  @Test
  void aReleaseNeedsAReasonAndTheCurrentVersionAndChangesNothingOtherwise() throws Exception {
    UUID customer = create(repEast, "长城五金", null);
    release(repEast, customer, "  ", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("reason"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    release(repEast, customer, "x".repeat(501), null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("too-long"));
    mvc.perform(
            post("/api/v1/customers/" + customer + "/release")
                .header("Authorization", repEast.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, repEast.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", repEast.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, repEast.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"宁波\"}"))
        .andExpect(status().isOk());
    release(repEast, customer, "不再合作", "\"0\"")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"));
    read(repEast, customer).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
    list(admin, "").andExpect(jsonPath("$.items", empty()));

    release(repEast, customer, "不再合作", "\"1\"").andExpect(status().isOk());
    release(admin, customer, "again", null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("already-in-pool"));
  }

  @Test
  void releasingNeedsAPoolPermissionAndCredentials() throws Exception {
    UUID customer = create(admin, "营销公司", null);
    for (Role role : List.of(Role.MARKETING, Role.ANALYST, Role.SERVICE)) {
      release(workspace.member(role), customer, "不要了", null)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("forbidden"));
    }
    mvc.perform(
            post("/api/v1/customers/" + customer + "/release")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}"))
        .andExpect(status().isUnauthorized());
    Member otherAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    release(otherAdmin, customer, "不要了", null).andExpect(status().isNotFound());
    read(admin, customer).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
  }

  // --- the list

  @Test
  void aRepSeesTheOwnTeamsPoolAndTheGeneralPoolAManagerTheManagedTeamsAnAdministratorAll()
      throws Exception {
    UUID eastCustomer = pooled(repEast, "华东客户");
    UUID northCustomer = pooled(repNorth, "华北客户");
    Member teamless = workspace.member(Role.SALES, null);
    UUID generalCustomer = pooled(teamless, "公共客户");

    list(repEast, "")
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$.items[*].id",
                containsInAnyOrder(eastCustomer.toString(), generalCustomer.toString())));
    list(repNorth, "")
        .andExpect(
            jsonPath(
                "$.items[*].id",
                containsInAnyOrder(northCustomer.toString(), generalCustomer.toString())));
    list(managerEast, "")
        .andExpect(
            jsonPath(
                "$.items[*].id",
                containsInAnyOrder(eastCustomer.toString(), generalCustomer.toString())));
    list(admin, "")
        .andExpect(
            jsonPath(
                "$.items[*].id",
                containsInAnyOrder(
                    eastCustomer.toString(),
                    northCustomer.toString(),
                    generalCustomer.toString())));
    list(admin, "?general=true")
        .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(generalCustomer.toString())));
    list(admin, "?teamId=" + north)
        .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(northCustomer.toString())));
    list(repEast, "?teamId=" + north).andExpect(jsonPath("$.items", empty()));
  }

  @Test
  void theListShowsNoPersonalDataAndFiltersByReasonAndName() throws Exception {
    UUID released = create(repEast, "张伟贸易有限公司", "13912345678");
    mvc.perform(
            patch("/api/v1/customers/" + released)
                .header("Authorization", repEast.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, repEast.bearer(), "/api/v1/customers/" + released))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"杭州\",\"industry\":\"贸易\",\"email\":\"zw@example.com\"}"))
        .andExpect(status().isOk());
    release(repEast, released, "太远", null).andExpect(status().isOk());
    UUID reclaimed = create(repEast, "李强科技", null);
    release(managerEast, reclaimed, "收回", null).andExpect(status().isOk());

    String body =
        list(repEast, "")
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[1].name").value("张伟贸易有限公司"))
            .andExpect(jsonPath("$.items[1].city").value("杭州"))
            .andExpect(jsonPath("$.items[1].industry").value("贸易"))
            .andExpect(jsonPath("$.items[1].lifecycleStage").value("PROSPECT"))
            .andExpect(jsonPath("$.items[1].kind").value("ORGANIZATION"))
            .andExpect(jsonPath("$.items[1].pooledAt").exists())
            .andExpect(jsonPath("$.items[1].formerOwnerName").value("Test " + repEast.username()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("1391234", "****", "zw@", "phone", "email");

    list(repEast, "?reason=RECLAIMED")
        .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(reclaimed.toString())));
    list(repEast, "?q=张伟")
        .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(released.toString())));
    list(repEast, "?q=liqiang")
        .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(reclaimed.toString())));
    list(repEast, "?q=13912345678").andExpect(jsonPath("$.items", empty()));
  }

  @Test
  void theListPagesByCursor() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(pooled(repEast, "分页客户" + i).toString());
    }
    String first =
        list(repEast, "?limit=2")
            .andExpect(jsonPath("$.items.length()").value(2))
            .andExpect(jsonPath("$.items[0].id").value(ids.get(2)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String cursor = JsonPath.read(first, "$.nextCursor");
    list(repEast, "?limit=2&cursor=" + cursor)
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].id").value(ids.get(0)))
        .andExpect(jsonPath("$.nextCursor").doesNotExist());
  }

  @Test
  void theListRefusesBadParametersRolesWithoutThePoolAndStrangers() throws Exception {
    list(repEast, "?reason=ASLEEP")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("bad-parameter"));
    list(repEast, "?teamId=east").andExpect(status().isBadRequest());
    list(repEast, "?limit=0")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    list(repEast, "?cursor=nonsense")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-cursor"));
    list(workspace.member(Role.MARKETING), "").andExpect(status().isForbidden());
    list(workspace.member(Role.ANALYST), "").andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/customer-pool")).andExpect(status().isUnauthorized());

    pooled(repEast, "别人的公海");
    Member stranger = workspaces.create().member(Role.ADMINISTRATOR);
    list(stranger, "").andExpect(status().isOk()).andExpect(jsonPath("$.items", empty()));
  }

  // --- claiming

  @Test
  void aRepClaimsACustomerOfTheOwnTeamsPoolAndNowSeesIt() throws Exception {
    UUID customer = pooled(repEast, "南方电子");
    claim(otherRepEast, customer)
        .andExpect(status().isOk())
        .andExpect(header().exists("ETag"))
        .andExpect(jsonPath("$.ownerId").value(otherRepEast.id().toString()));
    read(otherRepEast, customer).andExpect(status().isOk());
    list(otherRepEast, "").andExpect(jsonPath("$.items", empty()));
    timeline(customer)
        .andExpect(jsonPath("$.items[0].kind").value("POOL_CLAIMED"))
        .andExpect(jsonPath("$.items[0].actorName").value("Test " + otherRepEast.username()))
        .andExpect(jsonPath("$.items[0].detail.poolTeam").value("华东 East"))
        .andExpect(jsonPath("$.items[1].kind").value("POOL_RETURNED"));
  }

  @Test
  void anotherTeamsPoolAndAnotherWorkspaceLookEmpty() throws Exception {
    UUID customer = pooled(repEast, "北方重工");
    claim(repNorth, customer)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    claim(workspaces.create().member(Role.SALES), customer).andExpect(status().isNotFound());
    claim(repEast, UUID.randomUUID()).andExpect(status().isNotFound());
    UUID owned = create(repNorth, "有主客户", null);
    claim(repEast, owned).andExpect(status().isNotFound());
    list(admin, "").andExpect(jsonPath("$.items[0].id").value(customer.toString()));
  }

  @Test
  void claimingNeedsTheClaimPermissionAndCredentials() throws Exception {
    UUID customer = pooled(repEast, "权限公司");
    claim(workspace.member(Role.MARKETING), customer).andExpect(status().isForbidden());
    claim(workspace.member(Role.ANALYST), customer).andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/customer-pool/" + customer + "/claim"))
        .andExpect(status().isUnauthorized());
    list(admin, "").andExpect(jsonPath("$.items[0].id").value(customer.toString()));
  }

  @Test
  void ofTwoRepsClaimingTheSameCustomerAtOnceExactlyOneWinsAndTheOtherLearnsItWasClaimed()
      throws Exception {
    for (int round = 0; round < 5; round++) {
      UUID customer = pooled(repEast, "抢手客户" + round);
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        for (Member rep : List.of(otherRepEast, managerEast)) {
          answers.add(
              threads.submit(
                  () -> {
                    start.await();
                    return claim(rep, customer).andReturn().getResponse().getStatus();
                  }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      } finally {
        threads.shutdown();
      }
      timeline(customer).andExpect(jsonPath("$.items[?(@.kind == 'POOL_CLAIMED')]").isNotEmpty());
      String body = timeline(customer).andReturn().getResponse().getContentAsString();
      List<Object> claims = JsonPath.read(body, "$.items[?(@.kind == 'POOL_CLAIMED')]");
      assertThat(claims).hasSize(1);
    }
  }

  @Test
  void aSecondClaimOfTheSameCustomerIsAConflictWithItsCode() throws Exception {
    UUID customer = pooled(repEast, "先到先得");
    claim(otherRepEast, customer).andExpect(status().isOk());
    claim(managerEast, customer)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("already-claimed"))
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:already-claimed"));
    claim(repNorth, customer).andExpect(status().isNotFound());
  }

  @Test
  void aRepClaimsUpToTheLimitAndNotOneMore() throws Exception {
    settings(admin, "{\"returnAfterDays\":null,\"claimLimit\":2,\"keyAccountsExempt\":true}")
        .andExpect(status().isOk());
    create(otherRepEast, "已有客户", null);
    UUID first = pooled(repEast, "第一个");
    UUID second = pooled(repEast, "第二个");

    claim(otherRepEast, first).andExpect(status().isOk());
    claim(otherRepEast, second)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("claim-limit"))
        .andExpect(jsonPath("$.claimLimit").value(2));
    list(otherRepEast, "")
        .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(second.toString())));

    release(otherRepEast, first, "换一个", null).andExpect(status().isOk());
    claim(otherRepEast, second).andExpect(status().isOk());
  }

  // --- assigning

  @Test
  void aManagerAssignsACustomerOfTheTeamsPoolToATeamMemberBeyondTheLimit() throws Exception {
    settings(admin, "{\"returnAfterDays\":null,\"claimLimit\":1,\"keyAccountsExempt\":true}")
        .andExpect(status().isOk());
    create(otherRepEast, "已有客户", null);
    UUID customer = pooled(repEast, "分配客户");
    assign(managerEast, customer, otherRepEast.id())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ownerId").value(otherRepEast.id().toString()));
    read(otherRepEast, customer).andExpect(status().isOk());
    timeline(customer)
        .andExpect(jsonPath("$.items[0].kind").value("POOL_ASSIGNED"))
        .andExpect(jsonPath("$.items[0].actorName").value("Test " + managerEast.username()))
        .andExpect(jsonPath("$.items[0].detail.owner").value("Test " + otherRepEast.username()));
    assign(managerEast, customer, repEast.id())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("already-claimed"));
  }

  @Test
  void assigningRefusesBadOwnersOtherTeamsPoolsAndRolesWithoutThePermission() throws Exception {
    UUID customer = pooled(repEast, "分配检查");
    assign(managerEast, customer, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("ownerId"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    assign(managerEast, customer, repNorth.id())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("owner-not-allowed"));
    assign(managerEast, customer, UUID.randomUUID())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-owner"));
    mvc.perform(
            post("/api/v1/customer-pool/" + customer + "/assign")
                .header("Authorization", managerEast.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ownerId\": 12"))
        .andExpect(status().isBadRequest());
    assign(repEast, customer, repEast.id()).andExpect(status().isForbidden());
    assign(workspace.member(Role.MARKETING), customer, repEast.id())
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/customer-pool/" + customer + "/assign")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ownerId\":\"" + repEast.id() + "\"}"))
        .andExpect(status().isUnauthorized());
    Member managerNorth = workspace.member(Role.MANAGER, north);
    assign(managerNorth, customer, repNorth.id()).andExpect(status().isNotFound());
    assign(workspaces.create().member(Role.ADMINISTRATOR), customer, repEast.id())
        .andExpect(status().isNotFound());

    list(admin, "").andExpect(jsonPath("$.items[0].id").value(customer.toString()));
    assign(admin, customer, repNorth.id()).andExpect(status().isOk());
    read(repNorth, customer).andExpect(status().isOk());
  }

  @Test
  void anAdministratorEditingAPoolCustomerLeavesItInThePoolUnlessGivingItAnOwner()
      throws Exception {
    UUID customer = pooled(repEast, "编辑公海");
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"厦门\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ownerId").doesNotExist());
    list(repEast, "")
        .andExpect(jsonPath("$.items[0].id").value(customer.toString()))
        .andExpect(jsonPath("$.items[0].city").value("厦门"));

    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"ownerId\":\"" + repNorth.id() + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ownerId").value(repNorth.id().toString()));
    list(admin, "").andExpect(jsonPath("$.items", empty()));
    read(repNorth, customer).andExpect(status().isOk());
    timeline(customer)
        .andExpect(jsonPath("$.items[0].kind").value("POOL_ASSIGNED"))
        .andExpect(jsonPath("$.items[0].detail.owner").value("Test " + repNorth.username()));
  }

  // --- helpers

  /** A customer of {@code owner}, released by the owner into the pool of the owner's team. */
  private UUID pooled(Member owner, String name) throws Exception {
    UUID customer = create(owner, name, null);
    release(owner, customer, "测试", null).andExpect(status().isOk());
    return customer;
  }

  private UUID create(Member owner, String name, String phone) throws Exception {
    String json =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", owner.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\":\"ORGANIZATION\",\"name\":\""
                            + name
                            + "\""
                            + (phone == null ? "" : ",\"phone\":\"" + phone + "\"")
                            + "}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  private ResultActions release(Member member, UUID customer, String reason, String ifMatch)
      throws Exception {
    var request =
        post("/api/v1/customers/" + customer + "/release")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"" + reason + "\"}");
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/customers/" + customer));
    return mvc.perform(request);
  }

  private ResultActions claim(Member member, UUID customer) throws Exception {
    return mvc.perform(
        post("/api/v1/customer-pool/" + customer + "/claim")
            .header("Authorization", member.bearer()));
  }

  private ResultActions assign(Member member, UUID customer, UUID owner) throws Exception {
    return mvc.perform(
        post("/api/v1/customer-pool/" + customer + "/assign")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(owner == null ? "{}" : "{\"ownerId\":\"" + owner + "\"}"));
  }

  private ResultActions list(Member member, String query) throws Exception {
    return mvc.perform(
        get("/api/v1/customer-pool" + query).header("Authorization", member.bearer()));
  }

  private ResultActions read(Member member, UUID customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer).header("Authorization", member.bearer()));
  }

  private ResultActions timeline(UUID customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/timeline").header("Authorization", admin.bearer()));
  }

  private ResultActions settings(Member member, String json) throws Exception {
    return mvc.perform(
        put("/api/v1/customer-pool-settings")
            .header("Authorization", member.bearer())
            .header(
                "If-Match",
                Versions.current(mvc, member.bearer(), "/api/v1/customer-pool-settings"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
