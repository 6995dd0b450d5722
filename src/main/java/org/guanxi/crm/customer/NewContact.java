package org.guanxi.crm.customer;

import org.jspecify.annotations.Nullable;

/** A contact another module asks to be added to a customer. */
public record NewContact(
    String name, @Nullable String title, @Nullable String phone, @Nullable String email) {}
