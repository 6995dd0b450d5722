/**
 * Leads: prospects before they are customers, the web-to-lead form, assignment rules, import and
 * conversion.
 */
@ApplicationModule(
    allowedDependencies = {
      "platform",
      "platform :: imports",
      "privacy",
      "customer",
      "opportunities"
    })
@NullMarked
package org.guanxi.crm.leads;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
