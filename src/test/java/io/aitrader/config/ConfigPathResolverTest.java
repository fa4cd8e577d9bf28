package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.aitrader.errors.ApiException;

class ConfigPathResolverTest {

    @TempDir
    Path root;
    Path configs;
    ConfigPathResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        configs = Files.createDirectories(root.resolve("configs"));
        Files.writeString(configs.resolve("a.json"), "{}");
        Files.writeString(configs.resolve("notes.txt"), "x");
        Files.createDirectories(configs.resolve("folder.json"));
        Files.writeString(root.resolve("outside.json"), "{}");
        Files.createSymbolicLink(configs.resolve("link.json"), root.resolve("outside.json"));
        Files.createSymbolicLink(configs.resolve("linkdir"), root);
        Files.createSymbolicLink(configs.resolve("text.json"), configs.resolve("notes.txt"));
        resolver = new ConfigPathResolver(configs);
    }

    private String code(String configPath) {
        return assertThrows(ApiException.class, () -> resolver.resolve(configPath)).code();
    }

    @Test
    void aFileInsideResolvesToItsRealPath() throws IOException {
        Path expected = configs.resolve("a.json").toRealPath();
        assertEquals(expected, resolver.resolve(configs.resolve("a.json").toString()));
        assertEquals(expected, resolver.resolve("a.json"), "a bare name is looked up in the configs directory");
        assertEquals(expected, resolver.resolve("configs/a.json"), "the seed's configs/ prefix maps onto it");
        assertEquals(expected, resolver.resolve(configs + "/sub/../a.json"));
    }

    @Test
    void theSeedFormResolvesAgainstTheWorkingDirectory() throws IOException {
        ConfigPathResolver shipped = new ConfigPathResolver(Path.of("configs"));
        assertEquals(Path.of("configs/default_config.json").toRealPath(),
                shipped.resolve("configs/default_config.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../pom.xml", "configs/../pom.xml", "/etc/passwd", "%2e%2e/outside.json",
            "configs/%2e%2e/outside.json", "configs/../outside.json", "../outside.json", "a.txt", "notes.txt",
            "configs", "a.json\u0000.json", "", "  ", "configs\\..\\outside.json"})
    void pathsOutsideOrMalformedAreInvalid(String configPath) {
        assertEquals("invalid_config_path", code(configPath));
    }

    @Test
    void absolutePathsOutsideAreInvalid() {
        assertEquals("invalid_config_path", code(root.resolve("outside.json").toString()));
        assertEquals("invalid_config_path", code(configs + "/../outside.json"));
    }

    @Test
    void theSeedFormCannotEscapeEither() {
        ConfigPathResolver shipped = new ConfigPathResolver(Path.of("configs"));
        String code = assertThrows(ApiException.class,
                () -> shipped.resolve("configs/../src/test/resources/configs/default_config.json")).code();
        assertEquals("invalid_config_path", code);
    }

    @Test
    void symlinksPointingOutsideAreInvalid() {
        assertEquals("invalid_config_path", code("link.json"));
        assertEquals("invalid_config_path", code("linkdir/outside.json"));
        assertEquals("invalid_config_path", code(configs + "/linkdir/outside.json"));
        assertEquals("invalid_config_path", code(configs + "/linkdir/missing.json"),
                "confinement is checked before existence");
    }

    @Test
    void aSymlinkToANonJsonFileIsInvalid() {
        assertEquals("invalid_config_path", code("text.json"));
    }

    @Test
    void aDirectoryIsInvalid() {
        assertEquals("invalid_config_path", code("folder.json"));
    }

    @Test
    void absurdLengthsAreInvalid() {
        ApiException e = assertThrows(ApiException.class, () -> resolver.resolve("a".repeat(5000) + ".json"));
        assertEquals("invalid_config_path", e.code());
        assertEquals("config_path", e.toError().details().get("field"));
        assertEquals(203, String.valueOf(e.toError().details().get("value")).length(), "the echo is bounded");
    }

    @Test
    void aMissingFileInsideIsNotFound() {
        assertEquals("config_not_found", code("missing.json"));
        assertEquals("config_not_found", code("configs/sub/missing.json"));
    }
}
