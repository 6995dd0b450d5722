package org.guanxi.crm.orders.internal;

/**
 * Why a line of an order file was not imported. {@link #NO_CUSTOMER} lines are counted apart from
 * the rejected ones: such files hold them on purpose (sales to walk-in customers, stock
 * adjustments), and they are reported so that nothing is lost.
 */
enum OrderLineProblem {
  /** the line names no customer */
  NO_CUSTOMER,
  NO_ORDER_NUMBER,
  /** longer than 40 characters, or with spaces */
  INVALID_ORDER_NUMBER,
  INVALID_DATE,
  /** longer than 200 characters */
  INVALID_CUSTOMER_KEY,
  /** neither a product code nor a description */
  NO_PRODUCT,
  /** longer than 40 characters */
  INVALID_PRODUCT_CODE,
  INVALID_QUANTITY,
  ZERO_QUANTITY,
  INVALID_UNIT_PRICE,
  NEGATIVE_UNIT_PRICE,
  INVALID_UNIT_COST,
  INVALID_DISCOUNT,
  INVALID_CURRENCY,
  /** quantity times price beyond what an amount can hold */
  AMOUNT_TOO_LARGE,
  /** the order number is taken by an order that this import did not create */
  ORDER_EXISTS,
  /** the line names another customer than the order's other lines */
  OTHER_CUSTOMER,
  /** the line is in another currency than the order's other lines */
  OTHER_CURRENCY,
  /** a negative quantity in a sale, or a positive one in a return of negative quantities */
  QUANTITY_SIGN,
  /** no customer has the key, and the import does not create customers */
  UNKNOWN_CUSTOMER,
  /** the customer exists but the importing user may not see it */
  CUSTOMER_NOT_VISIBLE;

  boolean isMissingCustomer() {
    return this == NO_CUSTOMER;
  }
}
