package io.aitrader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How a day's recording answers its calls: provider exchanges, a replay step by step, the response cache. */
class CallRecordingTest {

    static final String URL = "http://provider/v1/chat/completions";

    @Test
    void providerExchangesAreNumberedByStepAndAttempt() {
        CallRecording recording = new CallRecording();
        recording.nextStep();
        recording.received(URL, "a", 429, "slow down");
        recording.received(URL, "a", 200, "answer a");
        recording.nextStep();
        assertEquals(Optional.empty(), recording.serve(URL, "b"), "no replay, no cache: ask the provider");
        recording.received(URL, "b", 200, "answer b");
        assertEquals(List.of("1/1 429", "1/2 200", "2/1 200"), recording.calls().stream()
                .map(c -> c.step() + "/" + c.attempt() + " " + c.status()).toList());
        assertEquals(CallRecording.sha256("a"), recording.calls().get(0).requestHash());
        assertFalse(recording.stepServed());
    }

    @Test
    void aReplayAnswersEachStepFromItsRecordingAndRefusesARequestThatDiffers() {
        List<RecordedCall> recorded = List.of(call(1, 1, "a", 500, "down"), call(1, 2, "a", 200, "answer a"),
                call(2, 1, "b", 200, "answer b"), call(3, 1, "summary", 500, "down"));
        CallRecording replay = new CallRecording();
        replay.replaying(recorded);
        replay.nextStep();
        assertEquals(Optional.of("answer a"), replay.serve(URL, "a"), "the answered attempt of step 1");
        assertTrue(replay.stepServed());
        replay.nextStep();
        ReplayMismatch differs = assertThrows(ReplayMismatch.class, () -> replay.serve(URL, "b, changed"));
        assertTrue(differs.getMessage().startsWith("replay_diverged at step 2: the request differs from the "
                + "recorded one"), differs.getMessage());
        assertEquals(Optional.of("answer b"), replay.serve(URL, "b"));
        replay.nextStep();
        assertThrows(IllegalStateException.class, () -> replay.serve(URL, "summary"),
                "a step whose recorded attempts all failed fails again, so its fallback is taken again");
        replay.nextStep();
        assertTrue(assertThrows(ReplayMismatch.class, () -> replay.serve(URL, "more")).getMessage()
                .startsWith("replay_diverged at step 4: the recording has 2 model calls for this day and no call 4"));
        assertEquals(List.of("replay", "replay"), replay.calls().stream().map(RecordedCall::servedBy).toList());
    }

    @Test
    void theResponseCacheAnswersAnEqualRequestOfTheSameBasemodelAndMissesOtherwise() {
        CallRecording recording = new CallRecording();
        recording.caching("gpt-x", (basemodel, hash, request) -> basemodel.equals("gpt-x")
                && hash.equals(CallRecording.sha256("seen")) ? Optional.of("cached answer") : Optional.empty());
        recording.nextStep();
        assertEquals(Optional.of("cached answer"), recording.serve(URL, "seen"));
        assertTrue(recording.stepServed());
        recording.nextStep();
        assertEquals(Optional.empty(), recording.serve(URL, "new"));
        assertFalse(recording.stepServed(), "a miss goes to the provider and is paid");
        assertEquals("cache", recording.calls().get(0).servedBy());
    }

    private static RecordedCall call(int step, int attempt, String request, int status, String response) {
        return new RecordedCall(step, attempt, URL, CallRecording.sha256(request), request, status, response,
                RecordedCall.PROVIDER);
    }
}
