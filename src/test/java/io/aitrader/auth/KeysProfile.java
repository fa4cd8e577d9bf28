package io.aitrader.auth;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** API keys on: two from API_KEYS (one named, one bare) and one from API_KEYS_FILE. */
public class KeysProfile implements QuarkusTestProfile {

    public static final String WINDMILL = "wm-secret-4b9f0d2e61";
    public static final String BARE = "bare-secret-93ad7c10f8";
    public static final String FILE = "file-secret-7c1e55a0b2";
    static final Map<String, String> NAMES = Map.of(WINDMILL, "windmill", BARE, "key-2", FILE, "file-key");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("app.api-keys", "windmill:" + WINDMILL + ", " + BARE, "app.api-keys-file",
                "src/test/resources/ops/api_keys.txt");
    }
}
