/**
 * Interactions (跟进记录): the calls, visits, meetings, e-mails, WeChat messages, SMS, faxes and web
 * contacts users record with a customer, which its timeline shows and which count as following it
 * up.
 */
@ApplicationModule(allowedDependencies = {"platform", "privacy", "customer"})
@NullMarked
package org.guanxi.crm.interaction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
