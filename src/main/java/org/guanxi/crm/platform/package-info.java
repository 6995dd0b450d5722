/**
 * Platform: workspaces (tenants), users and security, database access, web conventions and
 * languages.
 */
@NullMarked
package org.guanxi.crm.platform;

import org.jspecify.annotations.NullMarked;
