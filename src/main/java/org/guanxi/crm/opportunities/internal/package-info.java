/** Pipelines, deals and the forecast: stores, services, API, pages and demo deals. */
@NullMarked
package org.guanxi.crm.opportunities.internal;

import org.jspecify.annotations.NullMarked;
