/**
 * Customers, contacts, shares and custom fields: stores, services, API, pages, search keys and
 * generated data.
 */
@NullMarked
package org.guanxi.crm.customer.internal;

import org.jspecify.annotations.NullMarked;
