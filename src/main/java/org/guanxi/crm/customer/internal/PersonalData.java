package org.guanxi.crm.customer.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A customer's personal data in plain text, as held in memory between decryption and masking. */
record PersonalData(
    @Nullable String phone,
    @Nullable String email,
    @Nullable String idCard,
    @Nullable LocalDate birthday,
    @Nullable String address) {}
