package io.aitrader.trading;

/** Why a rule refuses an order: the code the model sees (the rule's name) and a message with the figures. */
record Refusal(String code, String message) {
}
