package org.guanxi.crm.platform.internal.database;

/**
 * Where the database is, and the two roles the application uses: the owner, which runs migrations,
 * and the application role, which reads and writes business data under row-level security.
 */
record DatabaseConnection(
    String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {}
