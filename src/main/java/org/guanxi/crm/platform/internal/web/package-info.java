/**
 * Web conventions: languages, problem details, early authorization, the dashboard and the page
 * layout's model.
 */
@NullMarked
package org.guanxi.crm.platform.internal.web;

import org.jspecify.annotations.NullMarked;
