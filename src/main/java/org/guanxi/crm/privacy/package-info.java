/**
 * Privacy: sensitive fields encrypted and masked, blind indexes for exact look-ups, the audit log
 * of access to personal data, and the {@link org.guanxi.crm.privacy.PersonalData} contract through
 * which a data-subject request reaches every module.
 */
@ApplicationModule(allowedDependencies = {"platform"})
@NullMarked
package org.guanxi.crm.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
