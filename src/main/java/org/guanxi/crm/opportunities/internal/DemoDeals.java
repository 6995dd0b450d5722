package org.guanxi.crm.opportunities.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.opportunities.OpportunityDraft;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Grants;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.WorkspaceCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The deals of a new demo workspace, so that the board and the forecast show something: a few dozen
 * deals of the sales reps with their own demo customers, open in every stage of the default
 * pipeline with expected close dates over the coming months, some won (most with their order
 * placed) and some lost with a reason. Made by the reps themselves through {@link
 * OpportunityService}, so that every rule, event and figure is as if they had clicked; the same
 * every time (seeded). Runs once the workspace, its customers and its pipeline are committed.
 */
@Component
class DemoDeals {

  static final int DEALS_PER_REP = 24;
  static final long SEED = 20261124L;

  /** What a deal is about, with the range of its amount in yuan. */
  private record Theme(String name, int least, int most) {}

  private static final List<Theme> THEMES =
      List.of(
          new Theme("工业水泵采购", 30_000, 260_000),
          new Theme("ERP 系统实施", 120_000, 680_000),
          new Theme("年度维保合同", 20_000, 150_000),
          new Theme("服务器扩容", 200_000, 1_200_000),
          new Theme("办公设备更新", 15_000, 90_000),
          new Theme("员工培训服务", 8_000, 60_000),
          new Theme("仓储自动化改造", 300_000, 1_800_000),
          new Theme("CRM 订阅续约", 36_000, 240_000),
          new Theme("安防监控项目", 80_000, 520_000),
          new Theme("原材料年度框架协议", 500_000, 3_000_000));

  private static final List<String> NEXT_STEPS =
      List.of(
          "安排现场演示 Site demo",
          "发送正式报价 Send the quote",
          "约见技术负责人 Meet the technical lead",
          "等待采购审批 Awaiting purchasing approval",
          "准备投标文件 Prepare the tender",
          "确认交付时间 Confirm delivery dates");

  private static final List<String> COMPETITORS = List.of("恒信科技", "博远软件", "东方机电", "启明系统", "华岳集团");

  private static final List<String> WIN_REASONS =
      List.of(
          "方案最贴合需求 Best fit for the requirements",
          "服务响应快 Fast service response",
          "老客户续约 Returning customer",
          "价格与交期兼顾 Price and delivery time");

  /** Why a deal was lost, and what the rep noted. */
  private record Loss(OpportunityLossReason reason, String note) {}

  private static final List<Loss> LOSSES =
      List.of(
          new Loss(OpportunityLossReason.PRICE, "对方报价低 15% The rival was 15% cheaper"),
          new Loss(OpportunityLossReason.COMPETITOR, "客户选择了现有供应商 Stayed with its supplier"),
          new Loss(OpportunityLossReason.NO_BUDGET, "预算推迟到明年 Budget moved to next year"),
          new Loss(OpportunityLossReason.NO_DECISION, "客户内部未能决策 No decision inside the customer"),
          new Loss(OpportunityLossReason.TIMING, "交期无法满足 We could not meet the delivery date"),
          new Loss(OpportunityLossReason.PRODUCT_FIT, "需要我们没有的功能 Needed a feature we lack"));

  /** A sales rep of the workspace: the user who makes the deals of the own customers. */
  private record Rep(CurrentUser user, List<UUID> customers) {}

  private final OpportunityService deals;
  private final PipelineService pipelines;
  private final JdbcClient jdbc;
  private final Grants grants;

  DemoDeals(OpportunityService deals, PipelineService pipelines, JdbcClient jdbc, Grants grants) {
    this.deals = deals;
    this.pipelines = pipelines;
    this.jdbc = jdbc;
    this.grants = grants;
  }

  /**
   * After the workspace is committed, when the other modules have added its customers and the
   * default pipeline: a module listener, in a transaction of its own and in the new workspace. A
   * workspace that has deals already (a retried run) gets no more.
   */
  @ApplicationModuleListener
  void on(WorkspaceCreated created) {
    if (created.demo()
        && !jdbc.sql("select exists (select 1 from opportunity)").query(Boolean.class).single()) {
      fill();
    }
  }

  /** Makes the demo deals of the current workspace. */
  void fill() {
    Random random = new Random(SEED);
    List<Pipeline.Stage> stages = pipelines.defaultPipeline().stages();
    for (Rep rep : reps()) {
      LocalDate today = deals.today();
      for (int i = 0; i < DEALS_PER_REP && i < rep.customers().size(); i++) {
        deal(rep.user(), rep.customers().get(i), stages, today, random);
      }
    }
  }

  /**
   * One deal: opened, moved stage by stage as far as it got, and then — about one in five — won, or
   * — about one in six — lost; the rest stay open.
   */
  private void deal(
      CurrentUser rep, UUID customer, List<Pipeline.Stage> stages, LocalDate today, Random random) {
    Theme theme = THEMES.get(random.nextInt(THEMES.size()));
    BigDecimal amount =
        BigDecimal.valueOf(
            (theme.least() + random.nextInt(theme.most() - theme.least())) / 1000 * 1000L);
    List<String> competitors =
        random.nextInt(3) == 0
            ? List.of()
            : List.of(COMPETITORS.get(random.nextInt(COMPETITORS.size())));
    UUID deal =
        deals
            .create(
                rep,
                new OpportunityDraft(
                    theme.name(),
                    customer,
                    null,
                    null,
                    amount,
                    "CNY",
                    null,
                    today.plusDays(5 + random.nextInt(150)),
                    null,
                    NEXT_STEPS.get(random.nextInt(NEXT_STEPS.size())),
                    competitors,
                    null,
                    null))
            .id();
    // early stages hold more deals than late ones, as in a real funnel
    int reached = Math.min(random.nextInt(stages.size()), random.nextInt(stages.size()));
    int outcome = random.nextInt(100);
    if (outcome < 22) {
      reached = stages.size() - 1;
    }
    for (int stage = 1; stage <= reached; stage++) {
      deals.move(rep, deal, null, new OpportunityService.Move(stages.get(stage).id(), null));
    }
    if (outcome < 22) {
      deals.win(
          rep,
          deal,
          null,
          new OpportunityService.Win(
              WIN_REASONS.get(random.nextInt(WIN_REASONS.size())),
              outcome < 16 ? OrderStatus.CONFIRMED : null));
    } else if (outcome < 38) {
      Loss loss = LOSSES.get(random.nextInt(LOSSES.size()));
      deals.lose(rep, deal, null, new OpportunityService.Loss(loss.reason(), loss.note()));
    }
  }

  /**
   * The active sales reps and the demo customers each owns (organisations first, the oldest first).
   * Read here, as the lead assignment reads the reps of a team: the platform's directory does not
   * name roles.
   */
  private List<Rep> reps() {
    List<CurrentUser> users =
        jdbc.sql(
                """
                select id, username, display_name, roles, team_id, locale from workspace_user
                where active and 'SALES' = any(roles) order by username
                """)
            .query(this::user)
            .list();
    List<Rep> reps = new ArrayList<>();
    for (CurrentUser user : users) {
      List<UUID> customers =
          jdbc.sql(
                  """
                  select id from customer_directory where owner_id = :owner and deleted_at is null
                  order by kind = 'ORGANIZATION' desc, created_at, id limit :count
                  """)
              .param("owner", user.id())
              .param("count", DEALS_PER_REP)
              .query(UUID.class)
              .list();
      reps.add(new Rep(user, customers));
    }
    return reps;
  }

  private CurrentUser user(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Array names = rs.getArray("roles");
    for (String role : (String[]) names.getArray()) {
      roles.add(Role.valueOf(role));
    }
    @Nullable UUID team = rs.getObject("team_id", UUID.class);
    return new CurrentUser(
        WorkspaceContext.require(),
        rs.getObject("id", UUID.class),
        rs.getString("username"),
        rs.getString("display_name"),
        roles,
        grants.of(roles),
        team,
        team == null ? List.of() : List.of(team),
        rs.getString("locale"));
  }
}
