package org.guanxi.crm.customer;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An existing customer that a new one may duplicate, and why. A customer the user may not see is
 * still named as a candidate (so that nobody creates a second record unknowingly), but without its
 * name.
 *
 * @param name null when the customer is not visible to the user
 */
public record DuplicateCandidate(
    UUID id, @Nullable String name, boolean visible, Set<DuplicateReason> reasons) {}
