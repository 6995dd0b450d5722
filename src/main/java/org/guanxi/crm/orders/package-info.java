/**
 * Orders: sales orders and returns with their lines, the order import, and revenue and profit per
 * customer.
 */
@ApplicationModule(
    allowedDependencies = {"platform", "platform :: imports", "privacy", "customer", "catalogue"})
@NullMarked
package org.guanxi.crm.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
