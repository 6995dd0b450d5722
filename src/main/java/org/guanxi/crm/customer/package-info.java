/**
 * Customer: the one customer record shared by sales, marketing and service — profile, contacts,
 * owner, lifecycle, timeline.
 */
@NullMarked
package org.guanxi.crm.customer;

import org.jspecify.annotations.NullMarked;
