/** Sales records, their stores, services, API and pages. */
@NullMarked
package org.guanxi.crm.sales.internal;

import org.jspecify.annotations.NullMarked;
