/**
 * Key accounts: a plan per key customer and year with goals, stakeholders, the account team and
 * next steps.
 */
@ApplicationModule(allowedDependencies = {"platform", "privacy", "customer"})
@NullMarked
package org.guanxi.crm.keyaccounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
