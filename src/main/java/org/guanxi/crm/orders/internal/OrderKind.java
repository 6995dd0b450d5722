package org.guanxi.crm.orders.internal;

/**
 * What an order document is: a sale, or a return — goods a customer sent back, recorded as a
 * document of its own (a cancellation invoice, a credit note), always {@link OrderStatus#RETURNED},
 * which revenue subtracts. Returns come from imports; an order entered in the CRM is a sale.
 */
enum OrderKind {
  SALE,
  RETURN
}
