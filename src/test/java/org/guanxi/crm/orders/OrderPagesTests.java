package org.guanxi.crm.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
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

@GuanxiTest
class OrderPagesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  Cookie session;
  String customer;
  String pump;

  @BeforeEach
  void aRepWithACustomerAndAProduct() throws Exception {
    workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    rep = workspace.member(Role.SALES);
    session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    customer = idOf(rep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}");
    pump =
        idOf(
            admin,
            "/api/v1/products",
            "{\"code\":\"P-1\",\"name\":\"工业水泵\",\"unit\":\"台\",\"listPrice\":1200,\"unitCost\":700}");
  }

  @Test
  void anOrderEnteredInTheFormOpensOnItsPageAndMovesOnWithItsButtons() throws Exception {
    mvc.perform(get("/orders/new").cookie(session).param("customerId", customer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("新建订单")))
        .andExpect(content().string(containsString("P-1 工业水泵")));
    String location =
        mvc.perform(
                post("/orders")
                    .cookie(session)
                    .with(csrf())
                    .param("customerId", customer)
                    .param("orderDate", "2026-02-01")
                    .param("status", "DRAFT")
                    .param("productId", pump, "")
                    .param("description", "", "")
                    .param("quantity", "2", "1")
                    .param("unitPrice", "", "")
                    .param("discountPercent", "", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/orders/");

    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("SO-000001")))
        .andExpect(content().string(containsString("草稿")))
        .andExpect(content().string(containsString("2,400.00")))
        .andExpect(content().string(containsString("确认")));
    mvc.perform(
            post(location + "/transitions")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("status", "CONFIRMED"))
        .andExpect(redirectedUrl(location));
    mvc.perform(get(location).cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Confirmed")))
        .andExpect(content().string(containsString("Mark delivered")));
    mvc.perform(get("/orders").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("SO-000001")))
        .andExpect(content().string(containsString("华信科技")));
  }

  @Test
  void aPrepaidOrderShowsItAwaitsDeliveryAndOffersOnlyDelivery() throws Exception {
    String order =
        idOf(
            rep,
            "/api/v1/orders",
            "{\"customerId\":\"%s\",\"status\":\"CONFIRMED\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}"
                .formatted(customer, pump));
    mvc.perform(get("/orders/" + order).cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Mark paid")))
        .andExpect(content().string(containsString("Cancel order")));
    mvc.perform(
            post("/orders/" + order + "/transitions")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("status", "PAID"))
        .andExpect(redirectedUrl("/orders/" + order));

    mvc.perform(get("/orders/" + order).cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Awaiting delivery")))
        .andExpect(content().string(containsString("Mark delivered")))
        .andExpect(content().string(not(containsString("Cancel order"))))
        .andExpect(content().string(not(containsString("Mark returned"))));
    mvc.perform(get("/orders/rows").cookie(session).param("lang", "zh-CN"))
        .andExpect(content().string(containsString("待交付")));
    mvc.perform(
            post("/orders/" + order + "/transitions")
                .cookie(session)
                .with(csrf())
                .param("version", "1")
                .param("status", "CANCELLED"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("订单已付款，不能取消")));

    mvc.perform(
            post("/orders/" + order + "/transitions")
                .cookie(session)
                .with(csrf())
                .param("version", "1")
                .param("status", "DELIVERED"))
        .andExpect(redirectedUrl("/orders/" + order));
    mvc.perform(get("/orders/" + order).cookie(session).param("lang", "en"))
        .andExpect(content().string(not(containsString("Awaiting delivery"))))
        .andExpect(content().string(containsString("Mark returned")));
  }

  @Test
  void aRefusedOrderIsExplainedAndTheTypedLinesStay() throws Exception {
    mvc.perform(
            post("/orders")
                .cookie(session)
                .with(csrf())
                .param("customerId", customer)
                .param("productId", "")
                .param("description", "安装服务")
                .param("quantity", "abc")
                .param("unitPrice", "300")
                .param("discountPercent", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("不是有效的数字")))
        .andExpect(content().string(containsString("value=\"安装服务\"")));
    mvc.perform(get("/orders/rows").cookie(session))
        .andExpect(content().string(containsString("没有找到订单")));
  }

  @Test
  void aStaleStatusButtonShowsTheConflictAndAnInvisibleOrderIsNotFound() throws Exception {
    String order =
        idOf(
            rep,
            "/api/v1/orders",
            "{\"customerId\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":1}]}"
                .formatted(customer, pump));
    mvc.perform(
            post("/orders/" + order + "/transitions")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("status", "CONFIRMED"))
        .andExpect(redirectedUrl("/orders/" + order));
    mvc.perform(
            post("/orders/" + order + "/transitions")
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("status", "CANCELLED"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("在此期间其他人修改了该订单")));

    Member otherRep = workspace.member(Role.SALES);
    Cookie other = PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/orders/" + order).cookie(other))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("该订单不存在")));
  }

  String idOf(Member member, String path, String json) throws Exception {
    String body =
        mvc.perform(
                post(path)
                    .header("Authorization", member.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.id");
  }
}
