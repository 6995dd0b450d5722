/** Opportunities: pipelines and their stages, deals with products, the board and the forecast. */
@ApplicationModule(allowedDependencies = {"platform", "customer", "catalogue", "orders"})
@NullMarked
package org.guanxi.crm.opportunities;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
