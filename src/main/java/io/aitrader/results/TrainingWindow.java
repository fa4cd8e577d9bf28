package io.aitrader.results;

import java.time.LocalDate;

/** Whether a day lies in its model's training window (contract 11), from the cutoff the day stored. */
final class TrainingWindow {

    static final String NO_TRAINING = "none";

    private TrainingWindow() {
    }

    /** True on or before the cutoff, false after it or for a model without training, null when not known. */
    static Boolean contains(String knowledgeCutoff, LocalDate date) {
        if (knowledgeCutoff == null) {
            return null;
        }
        return !NO_TRAINING.equals(knowledgeCutoff) && !date.isAfter(LocalDate.parse(knowledgeCutoff));
    }
}
