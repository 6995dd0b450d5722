/**
 * Platform: workspaces (tenants), users and security, database access, web conventions and
 * languages.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.guanxi.crm.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
