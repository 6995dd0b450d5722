package org.guanxi.crm.customer.internal;

/** The orders a customer list can be read in, each a key that pages without counting. */
enum CustomerSort {
  NEWEST("c.created_at desc, c.id desc"),
  NAME("c.search_name asc, c.id asc");

  final String orderBy;

  CustomerSort(String orderBy) {
    this.orderBy = orderBy;
  }
}
