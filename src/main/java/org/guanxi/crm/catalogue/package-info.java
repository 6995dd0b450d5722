/**
 * Catalogue: products, categories and price lists, and the pricing of order and deal lines for a
 * customer.
 */
@ApplicationModule(allowedDependencies = {"platform", "customer"})
@NullMarked
package org.guanxi.crm.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
