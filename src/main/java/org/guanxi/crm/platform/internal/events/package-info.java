/** Durable events: module listeners run in their event's workspace and are retried until done. */
@NullMarked
package org.guanxi.crm.platform.internal.events;

import org.jspecify.annotations.NullMarked;
