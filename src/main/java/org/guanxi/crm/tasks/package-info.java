/**
 * Tasks: what a user is to do by a day (and a time), with a priority, for a customer or not; a
 * follow-up's next date becomes one for the customer's owner; due ones are reminded of.
 */
@ApplicationModule(allowedDependencies = {"platform", "privacy", "customer", "interaction"})
@NullMarked
package org.guanxi.crm.tasks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
