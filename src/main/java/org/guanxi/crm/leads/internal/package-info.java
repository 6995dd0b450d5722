/**
 * Leads, assignment rules, the web-to-lead form and lead imports: stores, services, API and pages.
 */
@NullMarked
package org.guanxi.crm.leads.internal;

import org.jspecify.annotations.NullMarked;
