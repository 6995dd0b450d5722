package org.guanxi.crm.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Placing and delivering an order shows on the customer's timeline, and placed orders move the
 * customer's lifecycle stage; a draft does neither.
 */
@GuanxiTest
class OrderTimelineTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  @Test
  void aPlacedAndDeliveredOrderIsOnTheCustomersTimelineAndPlacedOrdersMakeItNewThenActive()
      throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    Member rep = workspace.member(Role.SALES);
    String customer =
        idOf(send(rep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}"));
    String pump =
        idOf(
            send(
                admin,
                "/api/v1/products",
                "{\"code\":\"P-1\",\"name\":\"水泵\",\"unit\":\"台\",\"listPrice\":1200}"));
    String order =
        idOf(
            send(
                rep,
                "/api/v1/orders",
                "{\"customerId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}"
                    .formatted(customer, pump)));
    timeline(rep, customer).andExpect(jsonPath("$.items[*].kind", contains("CREATED")));

    send(rep, "/api/v1/orders/" + order + "/transitions", "{\"status\":\"CONFIRMED\"}")
        .andExpect(status().isOk());
    send(rep, "/api/v1/orders/" + order + "/transitions", "{\"status\":\"DELIVERED\"}")
        .andExpect(status().isOk());
    String placedAtOnce =
        idOf(
            send(
                rep,
                "/api/v1/orders",
                "{\"customerId\":\"%s\",\"status\":\"CONFIRMED\",\"lines\":[{\"productId\":\"%s\",\"quantity\":2}]}"
                    .formatted(customer, pump)));

    timeline(rep, customer)
        .andExpect(
            jsonPath(
                "$.items[?(@.kind != 'LIFECYCLE_CHANGED')].kind",
                contains("ORDER_PLACED", "ORDER_DELIVERED", "ORDER_PLACED", "CREATED")))
        .andExpect(
            jsonPath(
                "$.items[?(@.kind == 'ORDER_PLACED')].detail.summary",
                contains("SO-000002 ¥2,400.00", "SO-000001 ¥1,200.00")))
        .andExpect(
            jsonPath(
                "$.items[?(@.kind == 'ORDER_PLACED')].detail.link",
                contains("/orders/" + placedAtOnce, "/orders/" + order)))
        .andExpect(
            jsonPath(
                "$.items[?(@.kind == 'LIFECYCLE_CHANGED')].detail.to", contains("ACTIVE", "NEW")))
        .andExpect(
            jsonPath(
                "$.items[?(@.kind == 'LIFECYCLE_CHANGED')].detail.causeDetail",
                contains("SO-000002", "SO-000001")));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.lifecycleStage").value("ACTIVE"));

    var session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(content().string(containsString("订单已交付")))
        .andExpect(content().string(containsString("SO-000001 ¥1,200.00")));
    mvc.perform(get("/customers/" + customer).cookie(session).param("lang", "zh-TW"))
        .andExpect(content().string(containsString("訂單已交付")));
  }

  /**
   * A prepaid order is placed once, when it is confirmed, and delivered once, when it is delivered
   * after payment: one purchase for the lifecycle, one entry of each on the timeline.
   */
  @Test
  void aPrepaidOrderIsPlacedOnceAndDeliveredOnce() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member rep = workspace.member(Role.SALES);
    String customer =
        idOf(send(rep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"预付科技\"}"));
    String order =
        idOf(
            send(
                rep,
                "/api/v1/orders",
                "{\"customerId\":\"%s\",\"status\":\"CONFIRMED\",\"lines\":[{\"description\":\"服务\",\"quantity\":1,\"unitPrice\":100}]}"
                    .formatted(customer)));
    send(rep, "/api/v1/orders/" + order + "/transitions", "{\"status\":\"PAID\"}")
        .andExpect(status().isOk());
    timeline(rep, customer)
        .andExpect(
            jsonPath(
                "$.items[?(@.kind != 'LIFECYCLE_CHANGED')].kind",
                contains("ORDER_PLACED", "CREATED")));
    send(rep, "/api/v1/orders/" + order + "/transitions", "{\"status\":\"DELIVERED\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PAID"));

    timeline(rep, customer)
        .andExpect(
            jsonPath(
                "$.items[?(@.kind != 'LIFECYCLE_CHANGED')].kind",
                contains("ORDER_DELIVERED", "ORDER_PLACED", "CREATED")))
        .andExpect(
            jsonPath("$.items[?(@.kind == 'LIFECYCLE_CHANGED')].detail.to", contains("NEW")));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.lifecycleStage").value("NEW"));
  }

  @Test
  void anOrderTheOwnerPlacesCountsAsAFollowUpAndOneSomebodyElsePlacesDoesNot() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    Member rep = workspace.member(Role.SALES);
    String customer =
        idOf(send(rep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"跟进科技\"}"));
    String order =
        "{\"customerId\":\"%s\",\"status\":\"CONFIRMED\",\"lines\":[{\"description\":\"服务\",\"quantity\":1,\"unitPrice\":100}]}"
            .formatted(customer);
    Instant created = followedUpAt(workspace, customer);

    idOf(send(admin, "/api/v1/orders", order));
    assertThat(followedUpAt(workspace, customer)).as("not the owner").isEqualTo(created);

    idOf(send(rep, "/api/v1/orders", order));
    assertThat(followedUpAt(workspace, customer)).as("the owner").isAfter(created);
  }

  private Instant followedUpAt(TestWorkspace workspace, String customer) {
    return workspace.in(
        () ->
            jdbc.sql("select followed_up_at from customer where id = cast(? as uuid)")
                .param(customer)
                .query(Timestamp.class)
                .single()
                .toInstant());
  }

  ResultActions timeline(Member member, String customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/timeline")
            .header("Authorization", member.bearer()));
  }

  ResultActions send(Member member, String path, String json) throws Exception {
    var call =
        post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    String version = Versions.forChange(mvc, member.bearer(), path);
    if (version != null) {
      call.header("If-Match", version);
    }
    return mvc.perform(call);
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }
}
