package io.mmg.gateway.batch;

/** One row of a payout file, as written (the values are checked by {@link PayoutRowValidator}). */
record PayoutRow(int rowNumber, String externalId, String phoneNumber, String amount, String currency,
                 String provider, String narration) {
}
