package io.aitrader.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void namedAndBareKeysMatchByNameOnly() {
        ApiKeys keys = new ApiKeys(List.of(" windmill:wm-0123456789 ", "", "bare-0123456789", "ci:with:colon"));
        assertTrue(keys.enabled());
        assertEquals(List.of("windmill", "key-2", "ci"), keys.names());
        assertEquals(Optional.of("windmill"), keys.match("wm-0123456789"));
        assertEquals(Optional.of("key-2"), keys.match("bare-0123456789"));
        assertEquals(Optional.of("ci"), keys.match("with:colon"));
        assertEquals(Optional.empty(), keys.match("wm-012345678"));
        assertEquals(Optional.empty(), keys.match("windmill:wm-0123456789"));
        assertEquals(Optional.empty(), keys.match(null));
    }

    @Test
    void noEntriesMeansKeysAreOff() {
        ApiKeys keys = new ApiKeys(List.of(" ", ""));
        assertFalse(keys.enabled());
        assertEquals(Optional.empty(), keys.match("anything"));
    }

    @Test
    void malformedEntriesAreRefusedWithoutQuotingTheKey() {
        String secret = "s3cret-value-abcdef";
        for (List<String> entries : List.of(List.of("bad name:" + secret), List.of("ops:"),
                List.of("ops:" + secret, "ops:other-" + secret), List.of("a:" + secret, "b:" + secret))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ApiKeys(entries));
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }
}
