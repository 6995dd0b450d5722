/**
 * Customer: the one customer record shared by sales, marketing and service — profile, contacts,
 * owner, lifecycle, timeline.
 */
@ApplicationModule(allowedDependencies = {"platform", "platform :: imports", "privacy"})
@NullMarked
package org.guanxi.crm.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
