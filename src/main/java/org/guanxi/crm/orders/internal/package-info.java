/** Orders, returns, the order import and revenue: stores, services, workers, API and pages. */
@NullMarked
package org.guanxi.crm.orders.internal;

import org.jspecify.annotations.NullMarked;
