package org.guanxi.crm.orders.internal;

import java.util.List;
import org.guanxi.crm.orders.OrderPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.SearchSource;
import org.springframework.stereotype.Component;

/** The orders the search box finds: those whose number starts with the text. */
@Component
class OrderSearchSource implements SearchSource {

  private final OrderService orders;

  OrderSearchSource(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public String labelKey() {
    return "nav.orders";
  }

  @Override
  public int position() {
    return 50;
  }

  @Override
  public Permission permission() {
    return OrderPermissions.ORDER_READ;
  }

  @Override
  public List<Hit> search(CurrentUser user, String q, int limit) {
    return orders.numbered(user, q, limit).stream()
        .map(o -> new Hit(o.number(), o.customerName(), "/orders/" + o.id()))
        .toList();
  }
}
