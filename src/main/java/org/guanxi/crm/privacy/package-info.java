/**
 * Privacy: sensitive fields encrypted and masked, blind indexes for exact look-ups, and the audit
 * log of access to personal data.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package org.guanxi.crm.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
