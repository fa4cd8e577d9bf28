package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the container files are checked as text: they parse, and their ports, volumes,
 * health checks and environment agree with each other and with application.properties.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("src/main/docker");
    private static final String SERVICE = "ai-trader";

    /** ENV_NAME → default, from every ${ENV_NAME:default} of application.properties. */
    private static Map<String, String> propertyDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}")
                .matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            defaults.put(m.group(1), m.group(2));
        }
        return defaults;
    }

    private static String apiPortDefault() throws IOException {
        String port = propertyDefaults().get("API_PORT");
        assertEquals("8080", port, "application.properties: quarkus.http.port=${API_PORT:8080}");
        return port;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DOCKER.resolve("compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }

    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> service = map(map(compose().get("services")).get(name));
        assertNotNull(service, "compose.yml has no service " + name);
        return service;
    }

    @Test
    void composeRunsTheServiceNextToWindmillOnOneNetwork() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertTrue(services.keySet().containsAll(Set.of(SERVICE, "db", "windmill_server", "windmill_worker")),
                services.keySet().toString());
        Set<String> networks = map(compose().get("networks")).keySet();
        assertEquals(1, networks.size(), "one network: " + networks);
        for (String name : services.keySet()) {
            assertEquals(List.copyOf(networks), list(map(services.get(name)).get("networks")),
                    name + " is on the shared network, so Windmill reaches the service as http://" + SERVICE
                            + ":" + "8080");
        }
    }

    @Test
    void theServicesPortVolumeAndHealthCheckAgreeWithItsEnvironment() throws IOException {
        Map<String, Object> service = service(SERVICE);
        Map<String, Object> env = map(service.get("environment"));
        String port = String.valueOf(env.get("API_PORT"));
        assertEquals(apiPortDefault(), port);
        assertTrue(list(service.get("ports")).stream().anyMatch(p -> p.endsWith(":" + port)),
                "published container port is API_PORT: " + service.get("ports"));
        String healthCheck = String.join(" ", list(map(service.get("healthcheck")).get("test")));
        assertTrue(healthCheck.contains("http://127.0.0.1:" + port + "/health"), healthCheck);

        List<String> volumes = list(service.get("volumes"));
        assertTrue(volumes.contains("ai-trader-data:" + env.get("DATA_DIR")), "DATA_DIR is the data volume");
        assertTrue(map(compose().get("volumes")).containsKey("ai-trader-data"));
        assertTrue(volumes.stream().anyMatch(v -> v.endsWith(":" + env.get("CONFIGS_DIR") + ":ro")),
                "configs are mounted at CONFIGS_DIR: " + volumes);
        assertTrue(Files.isDirectory(DOCKER.resolve("../../../configs").normalize()), "the mounted configs exist");
    }

    @Test
    void theServiceIsConfiguredOnlyWithVariablesTheApplicationReads() throws IOException {
        Set<String> known = propertyDefaults().keySet();
        Map<String, Object> env = map(service(SERVICE).get("environment"));
        for (String name : env.keySet()) {
            assertTrue(known.contains(name), name + " is not an application setting (application.properties)");
        }
        assertEquals(propertyDefaults().get("MAX_CONCURRENT_JOBS"), String.valueOf(env.get("MAX_CONCURRENT_JOBS")));
        assertEquals("configs/default_config.json", propertyDefaults().get("DEFAULT_CONFIG_PATH"));
    }

    @Test
    void windmillUsesTheComposePostgres() throws IOException {
        Map<String, Object> db = service("db");
        String database = String.valueOf(map(db.get("environment")).get("POSTGRES_DB"));
        String password = String.valueOf(map(db.get("environment")).get("POSTGRES_PASSWORD"));
        for (String name : List.of("windmill_server", "windmill_worker")) {
            Map<String, Object> windmill = service(name);
            String url = String.valueOf(map(windmill.get("environment")).get("DATABASE_URL"));
            assertEquals("postgres://postgres:" + password + "@db:5432/" + database + "?sslmode=disable", url, name);
            assertEquals("service_healthy", map(map(windmill.get("depends_on")).get("db")).get("condition"), name);
        }
        assertEquals("server", map(service("windmill_server").get("environment")).get("MODE"));
        assertEquals("worker", map(service("windmill_worker").get("environment")).get("MODE"));
        assertNotNull(map(db.get("healthcheck")).get("test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-build"})
    void dockerfilesAgreeWithTheApplicationsSettings(String name) throws IOException {
        String text = Files.readString(DOCKER.resolve(name));
        assertTrue(text.startsWith("####\n#"), name + " starts with its usage comment");
        String usage = text.substring(0, text.indexOf("\n###\n"));
        assertTrue(usage.contains("docker build -f src/main/docker/" + name), name + ": how to build");
        assertTrue(usage.contains("docker run"), name + ": how to run");

        Map<String, String> env = env(text);
        Set<String> known = propertyDefaults().keySet();
        // JAVA_* and GC_* are the JVM image's run-java.sh settings
        env.keySet().stream().filter(k -> !k.startsWith("JAVA_") && !k.startsWith("GC_") && !k.equals("LANGUAGE"))
                .forEach(k -> assertTrue(known.contains(k), name + ": " + k + " is not an application setting"));
        assertEquals(apiPortDefault(), env.get("API_PORT"), name);
        assertEquals("0.0.0.0", env.get("API_HOST"), name + " listens beyond the container");
        assertEquals(List.of(env.get("API_PORT")), instructions(text, "EXPOSE"), name);
        assertEquals(List.of(env.get("DATA_DIR")), instructions(text, "VOLUME"), name + ": DATA_DIR is the volume");
        assertEquals("/work/configs", env.get("CONFIGS_DIR"), name);
        assertTrue(text.contains("COPY --chown=") && text.contains("configs/ /work/configs/"), name);

        List<String> users = instructions(text, "USER");
        String finalUser = users.get(users.size() - 1);
        assertFalse(finalUser.equals("root") || finalUser.equals("0"), name + " runs as a non-root user");
        assertTrue(text.contains("chown -R " + finalUser), name + ": the user owns /work (the data directory)");

        List<String> healthChecks = instructions(text, "HEALTHCHECK");
        assertEquals(1, healthChecks.size(), name);
        assertTrue(healthChecks.get(0).contains("http://127.0.0.1:${API_PORT}/health"), healthChecks.get(0));
        assertTrue(text.contains("COPY --from=tools /bin/busybox /usr/local/bin/busybox"),
                name + ": the health check's wget is in the image");
        assertTrue(healthChecks.get(0).contains("/usr/local/bin/busybox"), name);
    }

    @Test
    void theNativeBuildCompilesInTheMandrelBuilderAndShipsAMinimalImage() throws IOException {
        String text = Files.readString(DOCKER.resolve("Dockerfile.native-build"));
        List<String> stages = instructions(text, "FROM");
        assertTrue(stages.get(0).startsWith("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21 AS build"),
                stages.toString());
        assertTrue(stages.get(stages.size() - 1).startsWith("quay.io/quarkus/ubi9-quarkus-micro-image:"),
                stages.toString());
        assertTrue(text.contains("package -Dnative"), "the native profile builds the executable");
        assertTrue(text.contains("COPY --from=build --chown=1001:root --chmod=0755 /code/target/*-runner"));
        for (String copied : List.of("mvnw", ".mvn", "pom.xml", "src", "configs")) {
            assertTrue(Files.exists(Path.of(copied)), copied + " is copied from the build context");
        }
        assertEquals(instructions(Files.readString(DOCKER.resolve("Dockerfile.native")), "ENTRYPOINT"),
                instructions(text, "ENTRYPOINT"));
    }

    @Test
    void composeMatchesTheImagesDataDirectoryAndUser() throws IOException {
        Map<String, Object> env = map(service(SERVICE).get("environment"));
        for (String name : List.of("Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-build")) {
            Map<String, String> imageEnv = env(Files.readString(DOCKER.resolve(name)));
            assertEquals(imageEnv.get("DATA_DIR"), env.get("DATA_DIR"), name);
            assertEquals(imageEnv.get("CONFIGS_DIR"), env.get("CONFIGS_DIR"), name);
        }
        String dockerfile = String.valueOf(map(service(SERVICE).get("build")).get("dockerfile"));
        assertTrue(dockerfile.contains("src/main/docker/Dockerfile.native-build"), dockerfile);
    }

    // The scale-out variant: compose.yml with compose.scale-out.yml on top (docker compose -f … -f …).

    private static final String SCALE_OUT_DB = "trader-db";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scaleOutOverride() throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DOCKER.resolve("compose.scale-out.yml")));
    }

    /**
     * Compose's merge of the two files, as far as these files need it: maps merge key by key, anything else is
     * replaced. Faithful here because the override gives compose.yml's services no list (checked below).
     */
    private static Map<String, Object> scaleOut() throws IOException {
        return merge(compose(), scaleOutOverride());
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object old = merged.get(key);
            merged.put(key, old instanceof Map && value instanceof Map ? merge(map(old), map(value)) : value);
        });
        return merged;
    }

    /** The service's instances in the scale-out: every service running the service's image. */
    private static Map<String, Map<String, Object>> instances() throws IOException {
        Object image = service(SERVICE).get("image");
        Map<String, Map<String, Object>> instances = new LinkedHashMap<>();
        map(scaleOut().get("services")).forEach((name, service) -> {
            if (image.equals(map(service).get("image"))) {
                instances.put(name, map(service));
            }
        });
        return instances;
    }

    /** {@code ${NAME:-default}} → default. */
    private static String composeDefault(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    @Test
    void scaleOutRunsTwoInstancesOfTheSameImageOnTheSharedPostgres() throws IOException {
        Map<String, Map<String, Object>> instances = instances();
        assertEquals(List.of(SERVICE, "ai-trader-2"), List.copyOf(instances.keySet()));
        assertNotNull(instances.get(SERVICE).get("build"), "the first instance builds the image");
        assertNull(instances.get("ai-trader-2").get("build"),
                "the second runs the image the first builds (compose does not pull an image another service builds)");

        Map<String, Object> dbEnv = map(map(map(scaleOut().get("services")).get(SCALE_OUT_DB)).get("environment"));
        Pattern url = Pattern.compile("postgres://([^:]+):(.+)@([^:/]+):(\\d+)/([A-Za-z0-9_]+)");
        Set<String> instanceIds = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> instance : instances.entrySet()) {
            String name = instance.getKey();
            Map<String, Object> env = map(instance.getValue().get("environment"));
            Matcher m = url.matcher(String.valueOf(env.get("DATABASE_URL")));
            assertTrue(m.matches(), name + ": DATABASE_URL is postgres://user:password@host:port/db: "
                    + env.get("DATABASE_URL"));
            assertEquals(dbEnv.get("POSTGRES_USER"), m.group(1), name);
            assertEquals(dbEnv.get("POSTGRES_PASSWORD"), m.group(2), name);
            assertEquals(SCALE_OUT_DB, m.group(3), name + " uses the service's own PostgreSQL, not Windmill's");
            assertEquals("5432", m.group(4), name);
            assertEquals(dbEnv.get("POSTGRES_DB"), m.group(5), name);

            String instanceId = String.valueOf(env.get("INSTANCE_ID"));
            assertFalse(instanceId.isBlank() || "null".equals(instanceId), name + " has an INSTANCE_ID");
            assertTrue(instanceIds.add(instanceId), name + ": INSTANCE_ID " + instanceId + " is used twice");
            assertEquals("service_healthy",
                    map(map(instance.getValue().get("depends_on")).get(SCALE_OUT_DB)).get("condition"),
                    name + " starts once its database is healthy");
        }
    }

    @Test
    void bothInstancesHaveTheServicesHealthCheckSettingsAndTheirOwnPortAndDataVolume() throws IOException {
        Map<String, Object> first = instances().get(SERVICE);
        Map<String, Object> second = instances().get("ai-trader-2");
        assertEquals(first.get("healthcheck"), second.get("healthcheck"));
        assertEquals(first.get("networks"), second.get("networks"));
        assertEquals(first.get("restart"), second.get("restart"));
        Map<String, Object> firstEnv = map(first.get("environment"));
        Map<String, Object> secondEnv = map(second.get("environment"));
        assertEquals(firstEnv.keySet(), secondEnv.keySet(), "both instances get the same settings");
        firstEnv.forEach((key, value) -> {
            if (!key.equals("INSTANCE_ID")) {
                assertEquals(value, secondEnv.get(key), key);
            }
        });

        String port = String.valueOf(secondEnv.get("API_PORT"));
        Set<String> hostPorts = new HashSet<>();
        Set<String> dataVolumes = new HashSet<>();
        for (Map<String, Object> instance : List.of(first, second)) {
            List<String> ports = list(instance.get("ports"));
            assertEquals(1, ports.size(), ports.toString());
            assertTrue(ports.get(0).endsWith(":" + port), ports.toString());
            hostPorts.add(composeDefault(ports.get(0).substring(0, ports.get(0).lastIndexOf(':'))));
            List<String> volumes = list(instance.get("volumes"));
            String data = volumes.stream().filter(v -> v.endsWith(":" + secondEnv.get("DATA_DIR"))).findFirst()
                    .orElseThrow(() -> new AssertionError("DATA_DIR is a volume: " + volumes));
            dataVolumes.add(data.substring(0, data.indexOf(':')));
            assertTrue(volumes.contains("../../../configs:" + secondEnv.get("CONFIGS_DIR") + ":ro"),
                    volumes.toString());
        }
        assertEquals(2, hostPorts.size(), "distinct host ports: " + hostPorts);
        assertEquals(2, dataVolumes.size(), "each instance has its own writable DATA_DIR: " + dataVolumes);
        assertTrue(map(scaleOut().get("volumes")).keySet().containsAll(dataVolumes), dataVolumes.toString());
    }

    @Test
    void theScaleOutDatabaseHasAVolumeAndAHealthCheck() throws IOException {
        Map<String, Object> db = map(map(scaleOut().get("services")).get(SCALE_OUT_DB));
        assertNotNull(db, "compose.scale-out.yml has a service " + SCALE_OUT_DB);
        assertTrue(String.valueOf(db.get("image")).startsWith("postgres:"), String.valueOf(db.get("image")));
        Map<String, Object> env = map(db.get("environment"));
        String volume = list(db.get("volumes")).stream().filter(v -> v.endsWith(":/var/lib/postgresql/data"))
                .findFirst().orElseThrow(() -> new AssertionError("the data lives on a volume: " + db.get("volumes")));
        String volumeName = volume.substring(0, volume.indexOf(':'));
        assertTrue(map(scaleOut().get("volumes")).containsKey(volumeName), volumeName);
        assertFalse(list(service("db").get("volumes")).contains(volume), "not Windmill's volume");
        String healthCheck = String.join(" ", list(map(db.get("healthcheck")).get("test")));
        assertTrue(healthCheck.contains("pg_isready -U " + env.get("POSTGRES_USER") + " -d " + env.get("POSTGRES_DB")),
                healthCheck);
        assertEquals(service(SERVICE).get("networks"), db.get("networks"));
    }

    @Test
    void theScaleOutInstancesAreConfiguredOnlyWithVariablesTheApplicationReads() throws IOException {
        Map<String, String> defaults = propertyDefaults();
        for (Map.Entry<String, Map<String, Object>> instance : instances().entrySet()) {
            Map<String, Object> env = map(instance.getValue().get("environment"));
            for (String name : env.keySet()) {
                assertTrue(defaults.containsKey(name),
                        instance.getKey() + ": " + name + " is not an application setting (application.properties)");
            }
            assertTrue(env.keySet().containsAll(List.of("DATABASE_URL", "INSTANCE_ID", "WORK_LEASE_SECONDS")),
                    instance.getKey());
            assertTrue(Integer.parseInt(String.valueOf(env.get("WORK_LEASE_SECONDS"))) > 0, instance.getKey());
        }
        assertEquals("", defaults.get("DATABASE_URL"), "unset DATABASE_URL keeps SQLite the default");
    }

    @Test
    void windmillKeepsWorkingInTheScaleOut() throws IOException {
        Map<String, Object> override = map(scaleOutOverride().get("services"));
        Map<String, Object> base = map(compose().get("services"));
        for (String name : List.of("db", "windmill_server", "windmill_worker")) {
            assertFalse(override.containsKey(name), name + " is left as compose.yml has it");
        }
        assertEquals("service_healthy", map(map(map(map(scaleOut().get("services")).get("windmill_worker"))
                .get("depends_on")).get(SERVICE)).get("condition"), "Windmill still waits for http://ai-trader:8080");
        for (String name : override.keySet()) {
            if (base.containsKey(name)) {
                map(override.get(name)).forEach((key, value) -> assertFalse(value instanceof List,
                        name + "." + key + ": a list here would be merged by compose, not replaced"));
            } else {
                assertEquals(service(SERVICE).get("networks"), map(override.get(name)).get("networks"),
                        name + " is on the shared network");
            }
        }
        assertEquals(map(compose().get("networks")).keySet(), map(scaleOut().get("networks")).keySet());
    }

    /** Instruction arguments, continuation lines joined. */
    private static List<String> instructions(String dockerfile, String keyword) {
        String joined = dockerfile.replace("\\\n", " ");
        return joined.lines().map(String::strip).filter(l -> l.startsWith(keyword + " "))
                .map(l -> l.substring(keyword.length()).strip().replaceAll("\\s+", " ")).collect(Collectors.toList());
    }

    private static Map<String, String> env(String dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        Pattern pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)");
        for (String line : instructions(dockerfile, "ENV")) {
            Matcher m = pair.matcher(line);
            while (m.find()) {
                env.put(m.group(1), m.group(2).replace("\"", ""));
            }
        }
        return env;
    }
}
