package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Other modules feed the customer's timeline by publishing a {@link CustomerActivity}. */
@GuanxiTest
class CustomerActivityTests {

  record OrderShipped(
      UUID workspaceId,
      UUID customerId,
      Instant occurredAt,
      @Nullable String actorName,
      Map<String, Object> activityDetail)
      implements CustomerActivity {
    @Override
    public String activityKind() {
      return "TEST_ORDER_SHIPPED";
    }
  }

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void anActivityPublishedByAnotherModuleAppearsOnTheTimeline() throws Exception {
    UUID customer = UUID.fromString(createCustomer());
    Instant shipped = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    publish(
        new OrderShipped(
            workspace.id(),
            customer,
            shipped,
            "仓库",
            Map.of("summary", "SO-0001 ¥1,200.00", "link", "/orders/1")));

    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("TEST_ORDER_SHIPPED"))
        .andExpect(jsonPath("$.items[0].actorName").value("仓库"))
        .andExpect(jsonPath("$.items[0].detail.summary").value("SO-0001 ¥1,200.00"))
        .andExpect(jsonPath("$.items[1].kind").value("CREATED"));
  }

  @Test
  void anActivityForACustomerOfAnotherWorkspaceIsRefusedAndItsWorkRolledBack() throws Exception {
    UUID customer = UUID.fromString(createCustomer());
    TestWorkspace other = workspaces.create();
    assertThatThrownBy(
            () ->
                publish(
                    new OrderShipped(
                        other.id(), customer, Instant.now(), null, Map.of("summary", "x"))))
        .isInstanceOf(IllegalStateException.class);

    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  private void publish(CustomerActivity activity) {
    workspace.in(
        () ->
            transactions.execute(
                status -> {
                  events.publishEvent(activity);
                  return null;
                }));
  }

  private String createCustomer() throws Exception {
    return CustomerApiTests.idOf(
        mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", sales.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"ORGANIZATION\",\"name\":\"远洋贸易\"}")));
  }
}
