/**
 * Sales: leads, opportunities and pipelines, products and prices, orders, and key-account plans on
 * the shared customer record.
 */
@NullMarked
package org.guanxi.crm.sales;

import org.jspecify.annotations.NullMarked;
