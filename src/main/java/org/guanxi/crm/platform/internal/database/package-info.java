/** Starting or connecting to PostgreSQL, and connections that carry the current workspace. */
@NullMarked
package org.guanxi.crm.platform.internal.database;

import org.jspecify.annotations.NullMarked;
