/** Key-account plans: store, service, API and pages. */
@NullMarked
package org.guanxi.crm.keyaccounts.internal;

import org.jspecify.annotations.NullMarked;
