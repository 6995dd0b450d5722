/** Tasks: store, service, reminders, API and pages. */
@NullMarked
package org.guanxi.crm.tasks.internal;

import org.jspecify.annotations.NullMarked;
