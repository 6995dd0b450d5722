/** Products, categories and price lists: stores, services, API and pages. */
@NullMarked
package org.guanxi.crm.catalogue.internal;

import org.jspecify.annotations.NullMarked;
