package io.aitrader.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ModelResourceTest {

    @Test
    void listsTheDefaultConfigsModels() {
        given().when().get("/models").then().statusCode(200)
                .body("config_path", equalTo("src/test/resources/configs/default_config.json"))
                .body("models.signature", hasItems("mock-trader", "mock-contrarian", "baseline-qqq", "baseline-equal",
                        "gpt-4o-mini"))
                .body("models.find { it.signature == 'mock-trader' }.provider", equalTo("mock"))
                .body("models.find { it.signature == 'baseline-qqq' }.basemodel", equalTo("buy-and-hold"))
                .body("models.find { it.signature == 'gpt-4o-mini' }.enabled", equalTo(false))
                .body("models[0].options", nullValue());
    }

    @Test
    void theSeedsConfigPathMapsOntoTheConfigsDirectory() {
        given().queryParam("config_path", "configs/default_config.json").when().get("/models").then()
                .statusCode(200).body("config_path", equalTo("configs/default_config.json"))
                .body("models.signature", hasItem("mock-trader"));
    }

    @Test
    void neverShowsAKeyOrCredentialedBaseUrl() {
        String body = given().queryParam("config_path", "models_test_literal_key.json").when().get("/models").then()
                .statusCode(200).body("models[0].signature", equalTo("literal-key")).extract().asString();
        assertFalse(body.contains("sk-literal-test-key-7f3a9c"), body);
        assertFalse(body.contains("s3cr3t-pass"), body);
        assertFalse(body.contains("api_key"), body);
        assertFalse(body.contains("base_url"), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../pom.xml", "configs/../pom.xml", "/etc/passwd", "%2e%2e/pom.xml",
            "configs/%2e%2e/%2e%2e/pom.xml", "src/test/resources", "pom.xml",
            "configs/../../src/test/resources/configs/../../../../pom.json"})
    void pathsOutsideTheConfigsDirectoryAreRefused(String configPath) {
        given().queryParam("config_path", configPath).when().get("/models").then().statusCode(400)
                .body("error", equalTo("invalid_config_path")).body("details.field", equalTo("config_path"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aDecodedTraversalIsRefusedToo() {
        given().urlEncodingEnabled(false).queryParam("config_path", "%2e%2e/%2e%2e/etc/passwd.json").when()
                .get("/models").then().statusCode(400).body("error", equalTo("invalid_config_path"));
    }

    @Test
    void aMissingConfigIsNotFound() {
        given().queryParam("config_path", "configs/no_such_config.json").when().get("/models").then()
                .statusCode(400).body("error", equalTo("config_not_found"))
                .body("details.value", equalTo("configs/no_such_config.json"));
    }

    @Test
    void anInvalidConfigListsEveryProblem() {
        given().queryParam("config_path", "models_test_invalid.json").when().get("/models").then().statusCode(400)
                .body("error", equalTo("invalid_config"))
                .body("details.problems", hasItems("models[0].signature is required",
                        "agent_config.max_steps must be a positive integer (got 0)",
                        "symbols must list at least one ticker"))
                .body("details.problems.size()", equalTo(4));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        given().queryParam("format", "json").when().get("/openapi.json").then().statusCode(200)
                .body("paths.'/models'.get.tags", hasItem("Configuration"))
                .body("paths.'/models'.get.responses.'400'.description", containsString("config_not_found"))
                .body("paths.'/models'.get.parameters.name", hasItem("config_path"));
    }
}
