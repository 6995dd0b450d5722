/**
 * The platform's one job mechanism: db-scheduler running every module's {@link
 * org.guanxi.crm.platform.JobKind}.
 */
@NullMarked
package org.guanxi.crm.platform.internal.jobs;

import org.jspecify.annotations.NullMarked;
