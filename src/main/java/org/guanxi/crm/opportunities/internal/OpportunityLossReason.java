package org.guanxi.crm.opportunities.internal;

/** Why a deal was lost, in categories that reports can count; a note may say more. */
enum OpportunityLossReason {
  PRICE,
  COMPETITOR,
  NO_BUDGET,
  NO_DECISION,
  TIMING,
  PRODUCT_FIT,
  OTHER
}
